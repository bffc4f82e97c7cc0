import type { Element, ElementContent, Root } from 'hast'
import type { Block } from '../blocks/types.ts'

/**
 * Word's footnotes and endnotes as Markdown footnotes. mammoth puts every
 * note in one `ol` at the end (`li id="footnote-1"`, with a `↑` link back)
 * and each reference as `<sup><a href="#footnote-1">[1]</a></sup>`. The
 * list is taken out here, and each reference becomes a marker the block's
 * Markdown turns into `[^footnote-1]`, its note carried on the block
 * (`blocks/markdown.ts` writes the definition after the text that cites it).
 */
const NOTE_ID = /^(?:footnote|endnote)-\d+$/

export function takeNotes(tree: Root): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>()
  const index = tree.children.findLastIndex(
    (node) => node.type === 'element' && node.tagName === 'ol' && node.children.some((item) => item.type === 'element' && NOTE_ID.test(String(item.properties.id ?? ''))),
  )
  const list = tree.children[index]
  if (index === -1 || list?.type !== 'element') return notes
  for (const item of list.children) {
    if (item.type !== 'element' || !NOTE_ID.test(String(item.properties.id ?? ''))) continue
    notes.set(String(item.properties.id), item.children.map(dropBackLink))
  }
  tree.children.splice(index, 1)
  return notes
}

/** The `↑` link back to the reference, and the space before it. */
function dropBackLink(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node
  const children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'a' && String(child.properties.href ?? '').startsWith('#footnote-ref') || child.type === 'element' && child.tagName === 'a' && String(child.properties.href ?? '').startsWith('#endnote-ref')))
  while (children.length > 0 && children.at(-1)?.type === 'text' && (children.at(-1) as { value: string }).value.trim() === '') children.pop()
  return { ...node, children: children.map(dropBackLink) }
}

/** Replace the block's note references by markers and carry their notes on it. */
export function citeNotes(block: Block, notes: ReadonlyMap<string, ElementContent[]>): void {
  const cited: NonNullable<Block['notes']> = []
  const walk = (node: Element): Element => ({
    ...node,
    children: node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child]
      const link = child.tagName === 'sup' ? child.children.find((inner): inner is Element => inner.type === 'element' && inner.tagName === 'a') : undefined
      const id = link ? String(link.properties.href ?? '').slice(1) : ''
      const body = notes.get(id)
      if (link && body) {
        cited.push({ label: id, body })
        return [{ type: 'text', value: `${NOTE_OPEN}${id}${NOTE_CLOSE}` }]
      }
      return [walk(child)]
    }),
  })
  block.node = walk(block.node)
  if (cited.length > 0) block.notes = cited
}

export const NOTE_OPEN = '\uE002'
export const NOTE_CLOSE = '\uE003'
