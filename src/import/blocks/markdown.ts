import type { Element, ElementContent, Root } from 'hast'
import { hastToMarkdown } from '../html-to-markdown.ts'
import type { Block } from './types.ts'

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
  const markdown = hastToMarkdown(tree)
  return marked ? markdown.replaceAll(OPEN, '<span class="small-caps">').replaceAll(CLOSE, '</span>') : markdown
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
