import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import type { Processor } from 'unified'

/**
 * Markdown footnotes (`text[^1]` and `[^1]: the note`), GFM's syntax, and
 * nothing else of GFM: its strikethrough would read the `~*~` scene-break
 * marker writers use as markup.
 */
export function remarkFootnotes(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown())
}
