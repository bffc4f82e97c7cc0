import type { Nodes as HastNodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Html, Text } from 'mdast'
import type { BlockText } from './block-text.ts'
import { writeBlockText } from './block-text.ts'
import { HARD_BREAK, OPAQUE } from './chars.ts'
import type { ResolvedOptions } from './options.ts'
import { runPreset } from './run-preset.ts'

/**
 * The text inside raw HTML that a writer pasted into a scene (`<p>"Well,"
 * she said.</p>`), as blocks the typography pass and the lint read like any
 * Markdown paragraph. Markdown keeps an HTML block as one opaque string;
 * here it is parsed as a browser would (hast-util-from-html, with source
 * offsets), and each text node becomes a stand-in mdast text node, so the
 * rules see one block per `<p>`, `<li>`, `<div>` … with emphasis and spans
 * transparent, exactly as they see a Markdown paragraph.
 */
export interface HtmlBlock extends BlockText {
  /** Where text node `i` stands in the HTML node's value: `spans[2i]` to `spans[2i + 1]`. */
  readonly spans: readonly number[]
}

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])
/** Elements whose text is never typeset (code, as in Markdown) or is not text; each reads as one opaque character. */
const OPAQUE_ELEMENTS = new Set(['pre', 'code', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'template', 'math', 'svg', 'img', 'input', 'video', 'audio', 'iframe', 'object'])

export function htmlBlocks(node: Html): HtmlBlock[] {
  const value = node.value
  // Cheap test first: most HTML nodes in prose are a lone tag with no text.
  if (!hasText(value)) return []
  const tree = fromHtml(value, { fragment: true })
  const base = node.position?.start
  const blocks: HtmlBlock[] = []
  let parts: string[] = []
  let marks: number[] = []
  let nodes: Text[] = []
  let spans: number[] = []
  let length = 0
  const flush = (): void => {
    if (nodes.length > 0 && parts.join('').trim() !== '') blocks.push({ text: parts.join(''), marks, nodes, spans, passages: [] })
    parts = []
    marks = []
    nodes = []
    spans = []
    length = 0
  }
  const opaque = (): void => {
    parts.push(OPAQUE)
    length++
  }
  const walk = (child: HastNodes): void => {
    if (child.type === 'text') {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      // A text the parser moved or joined (foster-parented out of a table) has no one place to write back to.
      if (start === undefined || end === undefined || value.slice(start, end).includes('<')) return opaque()
      const text: Text = {
        type: 'text',
        value: child.value,
        position: base && {
          start: { line: base.line, column: base.column, offset: (base.offset ?? 0) + start },
          end: { line: base.line, column: base.column, offset: (base.offset ?? 0) + end },
        },
      }
      marks.push(length, length + child.value.length)
      spans.push(start, end)
      nodes.push(text)
      parts.push(child.value)
      length += child.value.length
    } else if (child.type === 'element') {
      if (child.tagName === 'br') {
        parts.push(HARD_BREAK)
        length++
      } else if (OPAQUE_ELEMENTS.has(child.tagName)) opaque()
      else if (BLOCKS.has(child.tagName)) {
        flush()
        for (const grandchild of child.children) walk(grandchild)
        flush()
      } else for (const grandchild of child.children) walk(grandchild)
    } else if (child.type === 'comment') opaque()
    else if (child.type === 'root') for (const grandchild of child.children) walk(grandchild)
  }
  walk(tree)
  flush()
  return blocks
}

/** Whether any character of the HTML stands outside a tag (and is not white space). */
function hasText(value: string): boolean {
  let inTag = false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 60) inTag = true
    else if (code === 62) inTag = false
    else if (!inTag && code !== 32 && code !== 10 && code !== 9 && code !== 13) return true
  }
  return false
}

/**
 * Typeset the text of a raw HTML node in place: each changed text is
 * written back over its own span of the HTML (escaped for HTML), so tags,
 * attributes, comments and code stay byte for byte as the writer typed
 * them, and the HTML goes on to the sanitiser as before.
 */
export function typesetHtml(node: Html, options: ResolvedOptions): void {
  const edits: Array<{ start: number; end: number; text: string }> = []
  for (const block of htmlBlocks(node)) {
    const before = block.nodes.map((text) => text.value)
    writeBlockText(block, runPreset(block, options))
    block.nodes.forEach((text, index) => {
      if (text.value !== before[index]) edits.push({ start: block.spans[2 * index]!, end: block.spans[2 * index + 1]!, text: escapeHtml(text.value) })
    })
  }
  if (edits.length === 0) return
  edits.sort((a, b) => a.start - b.start)
  const out: string[] = []
  let last = 0
  for (const edit of edits) {
    out.push(node.value.slice(last, edit.start), edit.text)
    last = edit.end
  }
  out.push(node.value.slice(last))
  node.value = out.join('')
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
}
