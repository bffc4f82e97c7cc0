import type { Element, ElementContent, Root } from 'hast'
import type { FootnoteReference } from 'mdast'
import type { State } from 'mdast-util-to-hast'

/**
 * Markdown footnotes (`text[^1]` … `[^1]: note`) as EPUB 3 notes: a
 * `noteref` link in the text, and after it an `aside` of type `footnote`
 * with a backlink. Readers that know EPUB notes (Apple Books, Kobo,
 * KOReader, Thorium) show the aside as a pop-up; the others show it in
 * the flow, where the backlink returns to the text.
 *
 * The text goes through the HTML allow-list (`sanitize.ts`), which keeps no
 * `epub:type`, role or fragment link: so a reference is first a placeholder
 * (`<sup class="colophon-noteref">`) that `link` turns into the real link
 * after sanitizing, and a note's content is sanitized on its own before it
 * is wrapped in its aside.
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
  /** mdast-util-to-hast handler: a placeholder for the reference. */
  reference: (state: State, node: FootnoteReference) => Element
  /** Replace the placeholders in a (sanitized) tree by `noteref` links, numbering the notes. */
  link: (tree: Root) => Root
  /** The asides of the notes linked so far, each note's content passed through `clean` first. */
  asides: (clean: (tree: Root) => Root) => Element[]
}

const PLACEHOLDER = 'colophon-noteref'

export function createFootnotes(numbering: NoteNumbering, labels: NoteLabels): Footnotes {
  const numbers = new Map<string, number>()
  const references = new Map<string, number>()
  let saved: State | undefined

  const reference = (state: State, node: FootnoteReference): Element => {
    saved = state
    const placeholder: Element = {
      type: 'element',
      tagName: 'sup',
      properties: { className: [PLACEHOLDER] },
      children: [{ type: 'text', value: String(node.identifier).toUpperCase() }],
    }
    state.patch(node, placeholder)
    return placeholder
  }

  const noteref = (key: string, placeholder: Element): Element => {
    let number = numbers.get(key)
    if (number === undefined) {
      number = numbering.next++
      numbers.set(key, number)
    }
    const count = (references.get(key) ?? 0) + 1
    references.set(key, count)
    return {
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
      position: placeholder.position,
    }
  }

  const link = (tree: Root): Root => {
    const walk = (parent: Root | Element): void => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child
        const classes = child.properties.className
        if (child.tagName === 'sup' && Array.isArray(classes) && classes.includes(PLACEHOLDER)) {
          const key = child.children.map((text) => (text.type === 'text' ? text.value : '')).join('')
          return noteref(key, child)
        }
        walk(child)
        return child
      }) as typeof parent.children
    }
    walk(tree)
    return tree
  }

  const asides = (clean: (tree: Root) => Root): Element[] => {
    const state = saved
    if (!state) return []
    const made: Element[] = []
    // A note may refer to another note: the map of notes grows as it is walked, and a Map's
    // iterator goes on to entries added meanwhile (copying it at each step made this quadratic).
    for (const [key, number] of numbers) {
      const definition = state.footnoteById.get(key)
      if (!definition) continue
      const content = link(clean({ type: 'root', children: state.wrap(state.all(definition), true) as Root['children'] })).children as ElementContent[]
      const paragraphs = content.filter((node): node is Element => node.type === 'element' && node.tagName === 'p')
      paragraphs[0]?.children.unshift({
        type: 'element',
        tagName: 'span',
        properties: { className: ['note-number'] },
        children: [{ type: 'text', value: `${number}. ` }],
      })
      const backlink: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${numbering.prefix}noteref-${number}`, role: 'doc-backlink', className: ['backlink'], ariaLabel: labels.backlink },
        children: [{ type: 'text', value: '↩\uFE0E' }],
      }
      const last = paragraphs.at(-1)
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
      made.push(aside)
    }
    return made
  }

  return { reference, link, asides }
}
