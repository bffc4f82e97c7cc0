import type { Element, ElementContent, Root } from 'hast'
import { hastToMarkdown } from '../html-to-markdown.ts'
import type { Block } from './types.ts'
import { NOTE_CLOSE, NOTE_OPEN } from './footnotes.ts'

/**
 * Blocks to the Markdown of one scene or page, through the shared
 * `hastToMarkdown`. It drops `span`s, so text marked as small caps (a DOCX
 * `w:smallCaps` run, mammoth's `span.small-caps`) is carried through it
 * between two private-use characters and comes out as colophon's raw
 * `<span class="small-caps">`, whose text still gets typography. When the
 * text already holds those characters the marking is left out, the words kept.
 */
const OPEN = '\uE000'
const CLOSE = '\uE001'

export function blocksToMarkdown(blocks: readonly Block[]): string {
  const children = blocks.map((block) => block.node)
  const marked = !children.some((node) => JSON.stringify(node).includes(OPEN) || JSON.stringify(node).includes(CLOSE))
  const tree: Root = { type: 'root', children: marked ? children.map((node) => markSmallCaps(node) as Element) : children }
  let markdown = hastToMarkdown(tree)
  if (marked) markdown = markdown.replaceAll(OPEN, '<span class="small-caps">').replaceAll(CLOSE, '</span>')
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

function markSmallCaps(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node
  const children = node.children.map(markSmallCaps)
  const classes = node.properties.className
  if (node.tagName === 'span' && Array.isArray(classes) && classes.includes('small-caps')) {
    return { ...node, children: [{ type: 'text', value: OPEN }, ...children, { type: 'text', value: CLOSE }] }
  }
  return { ...node, children }
}
