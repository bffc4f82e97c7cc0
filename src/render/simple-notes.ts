import type { BlockContent, FootnoteDefinition, FootnoteReference, Node, Root } from 'mdast'
import type { NoteLabels, NoteNumbering } from './footnotes.ts'

/**
 * Footnotes for the direct XHTML writer (`simple-xhtml.ts`): the `noteref`
 * links and `aside`s of `footnotes.ts`, byte for byte, written as strings.
 * The full path builds, sanitizes and serialises a hast tree per note; for
 * 30,000 notes that was most of the render stage's time and memory
 * (docs/decisions/0024-nesting-limits.md).
 *
 * Numbers are given as `footnotes.ts` gives them: in the order of first
 * reference in the text, then in the notes as they are written. Nothing is
 * numbered in `NoteNumbering` until the text is written whole (`commit`), so
 * a text the writer refuses halfway is numbered afresh by the full path.
 */
export interface NoteWriter {
  /** The link for a reference, or `undefined` for a label the full path would change. */
  reference: (node: FootnoteReference) => string | undefined
  /** The asides of the notes referred to so far, each note's blocks written by `write`. */
  asides: (write: (nodes: ReadonlyArray<BlockContent>) => string | undefined) => string | undefined
  /** Hand the numbers used over to the document's numbering. */
  commit: () => void
}

/** A writer for the notes of `tree`, or `undefined` where the full path must take the text. */
export function createNoteWriter(tree: Root, numbering: NoteNumbering, labels: NoteLabels, escape: (value: string) => string, forbidden: RegExp): NoteWriter | undefined {
  if (forbidden.test(labels.backlink) || forbidden.test(labels.note) || forbidden.test(numbering.prefix)) return undefined
  // mdast-util-to-hast takes the first definition of a label anywhere in the tree; the writer knows
  // those at the top (one nested elsewhere makes the block writer refuse the text).
  const definitions = new Map<string, FootnoteDefinition>()
  for (const child of tree.children) {
    if (child.type !== 'footnoteDefinition') continue
    if (holdsDefinition(child)) return undefined
    const key = String(child.identifier).toUpperCase()
    if (!definitions.has(key)) definitions.set(key, child)
  }
  const prefix = escape(numbering.prefix)
  const backlink = escape(labels.backlink)
  const note = escape(labels.note)
  const numbers = new Map<string, number>()
  const references = new Map<string, number>()
  let next = numbering.next

  const reference = (node: FootnoteReference): string | undefined => {
    const key = String(node.identifier).toUpperCase()
    if (forbidden.test(key)) return undefined
    let number = numbers.get(key)
    if (number === undefined) {
      number = next++
      numbers.set(key, number)
    }
    const count = (references.get(key) ?? 0) + 1
    references.set(key, count)
    const id = `${prefix}noteref-${number}${count > 1 ? `-${count}` : ''}`
    return `<a id="${id}" href="#${prefix}note-${number}" epub:type="noteref" role="doc-noteref" class="noteref">${number}</a>`
  }

  const asides = (write: (nodes: ReadonlyArray<BlockContent>) => string | undefined): string | undefined => {
    let out = ''
    // Notes referred to from notes join the map as it is walked, as in footnotes.ts.
    for (const [key, number] of numbers) {
      const definition = definitions.get(key)
      if (!definition) continue
      const content = aside(definition, number, write)
      if (content === undefined) return undefined
      out += `<aside id="${prefix}note-${number}" epub:type="footnote" role="doc-footnote" class="footnote" aria-label="${note} ${number}">${content}</aside>`
    }
    return out
  }

  /** `state.wrap(state.all(definition), true)`, the number in the first paragraph, the backlink after the last. */
  const aside = (definition: FootnoteDefinition, number: number, write: (nodes: ReadonlyArray<BlockContent>) => string | undefined): string | undefined => {
    const children = definition.children as BlockContent[]
    const link = `<a href="#${prefix}noteref-${number}" role="doc-backlink" class="backlink" aria-label="${backlink}">↩\uFE0E</a>`
    let first = -1
    let last = -1
    for (let index = 0; index < children.length; index++) {
      if (children[index]?.type !== 'paragraph') continue
      if (first < 0) first = index
      last = index
    }
    let out = '\n'
    for (let index = 0; index < children.length; index++) {
      const written = write([children[index] as BlockContent])
      if (written === undefined) return undefined
      let block = written
      if (index === first || index === last) {
        // `<p>…</p>`, or `<p />` for a paragraph with nothing in it.
        let inner = block === '<p />' ? '' : block.slice(3, -4)
        if (index === first) inner = `<span class="note-number">${number}. </span>${inner}`
        if (index === last) inner += ` ${link}`
        block = `<p>${inner}</p>`
      }
      out += index === 0 ? block : `\n${block}`
    }
    if (children.length > 0) out += '\n'
    return last < 0 ? out + link : out
  }

  const commit = (): void => {
    numbering.next = next
  }

  return { reference, asides, commit }
}

function holdsDefinition(node: Node): boolean {
  const children = (node as { children?: Node[] }).children
  return Array.isArray(children) && children.some((child) => child.type === 'footnoteDefinition' || holdsDefinition(child))
}
