import type { Element, ElementContent } from 'hast'
import type { FootnoteReference } from 'mdast'
import type { State } from 'mdast-util-to-hast'

/**
 * Markdown footnotes (`text[^1]` … `[^1]: note`) as EPUB 3 notes: a
 * `noteref` link in the text, and after it an `aside` of type `footnote`
 * with a backlink. Readers that know EPUB notes (Apple Books, Kobo,
 * KOReader, Thorium) show the aside as a pop-up; the others show it in
 * the flow, where the backlink returns to the text.
 */
export interface NoteNumbering {
  /** Makes ids unique in the document: `chapter-1-`. */
  prefix: string
  /** The next note's number; a document's notes count on across its scenes. */
  next: number
}

export interface NoteLabels {
  /** Accessible name of the backlink ("Back to text"). */
  backlink: string
  /** Accessible name of a note ("Note 1" is `${note} 1`). */
  note: string
}

export interface Footnotes {
  reference: (state: State, node: FootnoteReference) => Element
  /** The asides for the notes referenced so far, in order of first reference. */
  asides: () => Element[]
}

export function createFootnotes(numbering: NoteNumbering, labels: NoteLabels): Footnotes {
  const numbers = new Map<string, number>()
  const references = new Map<string, number>()
  let saved: State | undefined

  const reference = (state: State, node: FootnoteReference): Element => {
    saved = state
    const key = String(node.identifier).toUpperCase()
    let number = numbers.get(key)
    if (number === undefined) {
      number = numbering.next++
      numbers.set(key, number)
    }
    const count = (references.get(key) ?? 0) + 1
    references.set(key, count)
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: {
        id: `${numbering.prefix}noteref-${number}${count > 1 ? `-${count}` : ''}`,
        href: `#${numbering.prefix}note-${number}`,
        'epub:type': 'noteref',
        role: 'doc-noteref',
        className: ['noteref'],
      },
      children: [{ type: 'text', value: String(number) }],
    }
    state.patch(node, link)
    return link
  }

  const asides = (): Element[] => {
    if (!saved) return []
    const state = saved
    return [...numbers].flatMap(([key, number]) => {
      const definition = state.footnoteById.get(key)
      if (!definition) return []
      const content = state.wrap(state.all(definition), true) as ElementContent[]
      const backlink: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          href: `#${numbering.prefix}noteref-${number}`,
          role: 'doc-backlink',
          className: ['backlink'],
          ariaLabel: labels.backlink,
        },
        children: [{ type: 'text', value: '↩\uFE0E' }],
      }
      const number_: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['note-number'] },
        children: [{ type: 'text', value: `${number}. ` }],
      }
      const last = [...content].reverse().find((node): node is Element => node.type === 'element' && node.tagName === 'p')
      const first = content.find((node): node is Element => node.type === 'element' && node.tagName === 'p')
      if (first) first.children.unshift(number_)
      if (last) last.children.push({ type: 'text', value: ' ' }, backlink)
      else content.push(backlink)
      const aside: Element = {
        type: 'element',
        tagName: 'aside',
        properties: {
          id: `${numbering.prefix}note-${number}`,
          'epub:type': 'footnote',
          role: 'doc-footnote',
          className: ['footnote'],
          ariaLabel: `${labels.note} ${number}`,
        },
        children: content,
      }
      state.patch(definition, aside)
      return [aside]
    })
  }

  return { reference, asides }
}
