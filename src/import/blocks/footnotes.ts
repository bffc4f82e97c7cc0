import type { Element, ElementContent } from 'hast'
import type { Block } from './types.ts'

/**
 * Notes a source links to (Word's footnotes through mammoth, an EPUB's
 * `noteref`s to its `footnote` asides or footnotes list) become Markdown
 * footnotes: each reference a marker that `blocksToMarkdown` writes as
 * `[^id]`, its note carried on the block and defined after the text.
 */
export const NOTE_OPEN = '\uE002'
export const NOTE_CLOSE = '\uE003'

/** Replace the block's links to known notes (and the `sup` around one) by markers, carrying their notes on it. */
export function citeNotes(block: Block, notes: ReadonlyMap<string, ElementContent[]>): void {
  const cited: NonNullable<Block['notes']> = []
  const target = (node: ElementContent): string | undefined => {
    if (node.type !== 'element') return undefined
    if (node.tagName === 'sup') {
      const links = node.children.filter((inner) => inner.type === 'element')
      return links.length === 1 ? target(links[0] as Element) : undefined
    }
    const href = node.tagName === 'a' ? String(node.properties.href ?? '') : ''
    const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : ''
    return notes.has(id) ? id : undefined
  }
  const walk = (node: Element): Element => ({
    ...node,
    children: node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child]
      const id = target(child)
      if (id !== undefined) {
        // A note cited twice is defined once, at its first citation.
        if (!cited.some((note) => note.label === id)) cited.push({ label: id, body: notes.get(id) ?? [] })
        return [{ type: 'text', value: `${NOTE_OPEN}${id.replace(/[^\w-]/g, '-')}${NOTE_CLOSE}` }]
      }
      return [walk(child)]
    }),
  })
  block.node = walk(block.node)
  if (cited.length > 0) block.notes = [...(block.notes ?? []), ...cited.map((note) => ({ ...note, label: note.label.replace(/[^\w-]/g, '-') }))]
}

/** A note's link back to its reference (`↩`, `↑`, `epub:type="backlink"`), which the footnote's own backlink replaces. */
export function isBackLink(node: ElementContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'a') return false
  const type = String(node.properties['epub:type'] ?? node.properties.epubType ?? '')
  const role = String(node.properties.role ?? '')
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('').trim()
  return /backlink/.test(type) || role === 'doc-backlink' || classes.includes('footnote-back') || /^[↩↑⤴\uFE0E\uFE0F\s]+$/u.test(text)
}

/** A note's content without its backlinks and the white space they leave. */
export function withoutBackLinks(nodes: readonly ElementContent[]): ElementContent[] {
  const kept = nodes.filter((node) => !isBackLink(node)).map((node) => (node.type === 'element' ? { ...node, children: withoutBackLinks(node.children) } : node))
  while (kept.length > 0 && kept.at(-1)?.type === 'text' && (kept.at(-1) as { value: string }).value.trim() === '') kept.pop()
  return kept
}
