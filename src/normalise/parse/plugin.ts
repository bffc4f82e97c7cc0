import type { Root } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { protectDialogue, restoreDialogue } from './dialogue-lines.ts'
import { parseMarkdown, type ParseOptions } from './index.ts'
import { tooDeepToParse } from './too-deep-to-parse.ts'
import { findTooDeepNode, MAX_TREE_DEPTH } from './nesting.ts'

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
  self.parser = (document: string, file: VFile): Root => {
    // Refused before parsing: too deep a text would take the parser minutes or overflow the stack of a tree walk.
    const deep = tooDeepToParse(document, 'text')
    if (deep) {
      const message = file.message(deep.reason, { place: deep.place, ruleId: 'nesting-depth', source: 'colophon-parse' })
      message.fatal = true
      return { type: 'root', children: [] }
    }
    // Read at the first parse, once every plugin has registered what it adds.
    options ??= {
      extensions: self.data('micromarkExtensions') ?? [],
      mdastExtensions: self.data('fromMarkdownExtensions') ?? [],
      footnotes: self.data('gfmFootnotes') === true,
    }
    const dialogue = settings.dialogueDashes ? protectDialogue(document) : undefined
    const tree = parseMarkdown(dialogue ?? document, options)
    if (dialogue !== undefined) restoreDialogue(tree)
    // Phrasing nests too (emphasis in emphasis): the tree is measured as well.
    const deepNode = findTooDeepNode(tree)
    if (deepNode) {
      const message = file.message(`Unexpected nesting of Markdown ${deepNode.depth} levels deep, expected at most ${MAX_TREE_DEPTH} levels; the text is left unread`, {
        place: deepNode.node.position?.start,
        ruleId: 'nesting-depth',
        source: 'colophon-parse',
      })
      message.fatal = true
      return { type: 'root', children: [] }
    }
    return tree
  }
}
