import type { ElementContent, Root } from 'hast'
import { withoutBackLinks } from '../blocks/footnotes.ts'

/**
 * Word's footnotes and endnotes as Markdown footnotes. mammoth puts every
 * note in one `ol` at the end (`li id="footnote-1"`, with a `↑` link back)
 * and each reference as `<sup><a href="#footnote-1">[1]</a></sup>`. The
 * list is taken out here; `blocks/footnotes.ts` turns each reference into
 * `[^footnote-1]` with its definition after the text that cites it.
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
    notes.set(String(item.properties.id), withoutBackLinks(item.children))
  }
  tree.children.splice(index, 1)
  return notes
}
