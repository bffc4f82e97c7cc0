import type { Root } from 'mdast'
import type { Processor } from 'unified'
import { protectDialogue, restoreDialogue } from './dialogue-lines.ts'
import { parseMarkdown, type ParseOptions } from './index.ts'

export interface ProseOptions {
  /**
   * A line opened by `- ` or `-- ` is dialogue, not a list item (French,
   * Spanish, Portuguese, Russian, Polish, Swedish books): lists are then
   * typed with `*`, `+` or numbers.
   */
  dialogueDashes?: boolean
}

/**
 * unified's parser for Markdown: remark-parse's place and options (the
 * micromark and mdast extensions other plugins register, and GFM footnotes
 * when `remarkFootnotes` asks for them), with prose read by
 * `parseMarkdown`'s fast path. The tree is the one remark-parse gives.
 */
export function remarkParseProse(this: Processor, settings: ProseOptions = {}): void {
  const self = this as unknown as Processor<Root>
  let options: ParseOptions | undefined
  self.parser = (document: string): Root => {
    // Read at the first parse, once every plugin has registered what it adds.
    options ??= {
      extensions: self.data('micromarkExtensions') ?? [],
      mdastExtensions: self.data('fromMarkdownExtensions') ?? [],
      footnotes: self.data('gfmFootnotes') === true,
    }
    const dialogue = settings.dialogueDashes ? protectDialogue(document) : undefined
    if (dialogue === undefined) return parseMarkdown(document, options)
    const tree = parseMarkdown(dialogue, options)
    restoreDialogue(tree)
    return tree
  }
}
