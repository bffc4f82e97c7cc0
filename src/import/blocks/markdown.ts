import type { Root } from 'hast'
import { hastToMarkdown } from '../html-to-markdown.ts'
import type { Block } from './types.ts'
import { NOTE_CLOSE, NOTE_OPEN } from './footnotes.ts'

/**
 * Blocks to the Markdown of one scene or page, through the shared
 * `hastToMarkdown` (which also keeps small caps, a DOCX `w:smallCaps` run
 * as mammoth marks it, as colophon's `<span class="small-caps">`), with
 * the footnotes they cite after them.
 */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const tree: Root = { type: 'root', children: blocks.map((block) => block.node) }
  let markdown = hastToMarkdown(tree)
  // Footnotes cited in these blocks (blocks/footnotes.ts): the reference, then its definition after the text.
  const notes = blocks.flatMap((block) => block.notes ?? [])
  if (notes.length === 0) return markdown
  markdown = markdown.replace(new RegExp(`${NOTE_OPEN}([^${NOTE_CLOSE}]+)${NOTE_CLOSE}`, 'g'), '[^$1]')
  const definitions = notes.map(({ label, body }) => {
    const text = hastToMarkdown({ type: 'root', children: body }).trim()
    // A note of several paragraphs continues them indented, as GFM footnotes read them.
    return `[^${label}]: ${text.replace(/\n\n/g, '\n\n    ')}`
  })
  return `${markdown}\n${definitions.join('\n\n')}\n`
}
