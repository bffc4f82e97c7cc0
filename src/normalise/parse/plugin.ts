import type { Root } from 'mdast'
import type { Processor } from 'unified'
import { parseMarkdown } from './index.ts'

/**
 * unified's parser for Markdown: remark-parse's place and options (the
 * micromark and mdast extensions other plugins register), with prose read
 * by `parseMarkdown`'s fast path. The tree is the one remark-parse gives.
 */
export function remarkParseProse(this: Processor): void {
  const self = this as unknown as Processor<Root>
  self.parser = (document: string): Root =>
    parseMarkdown(document, {
      extensions: self.data('micromarkExtensions') ?? [],
      mdastExtensions: self.data('fromMarkdownExtensions') ?? [],
    })
}
