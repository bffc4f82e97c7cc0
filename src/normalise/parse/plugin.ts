import type { Root } from 'mdast'
import type { Processor } from 'unified'
import { parseMarkdown, type ParseOptions } from './index.ts'

/**
 * unified's parser for Markdown: remark-parse's place and options (the
 * micromark and mdast extensions other plugins register, and GFM footnotes
 * when `remarkFootnotes` asks for them), with prose read by
 * `parseMarkdown`'s fast path. The tree is the one remark-parse gives.
 */
export function remarkParseProse(this: Processor): void {
  const self = this as unknown as Processor<Root>
  let options: ParseOptions | undefined
  self.parser = (document: string): Root => {
    // Read at the first parse, once every plugin has registered what it adds.
    options ??= {
      extensions: self.data('micromarkExtensions') ?? [],
      mdastExtensions: self.data('fromMarkdownExtensions') ?? [],
      footnotes: self.data('gfmFootnotes') === true,
    }
    return parseMarkdown(document, options)
  }
}
