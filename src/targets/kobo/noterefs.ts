import type { Publication } from '../../package/index.ts'
import { entryText, isXhtml, mapTextEntries, resolveHref } from '../publication.ts'
import type { Transform } from '../types.ts'
import { elements, hasToken, parseXml, serializeXml } from '../xml.ts'

const NOTE_TYPES = ['footnote', 'endnote', 'rearnote', 'note']

/**
 * Kobo opens a note in a pop-up when the link says `epub:type="noteref"`
 * and the target is an `aside` typed as a note (EPUB 3 Structural
 * Semantics). Links to notes that lack the noteref type get it.
 */
export const koboNoterefs: Transform = {
  id: 'pop-up-notes',
  summary: 'marks every link to a footnote, endnote or rear note as `epub:type="noteref"`, so Kobo opens the note in a pop-up instead of jumping to it',
  apply(publication: Publication): Publication {
    const notes = new Set<string>()
    for (const entry of publication.entries) {
      if (!isXhtml(entry.path) || !/epub:type="[^"]*note/.test(entryText(entry))) continue
      for (const { element } of elements(parseXml(entryText(entry)))) {
        const type = element.attributes['epub:type']
        if (element.attributes.id && NOTE_TYPES.some((token) => hasToken(type, token))) notes.add(`${entry.path}#${element.attributes.id}`)
      }
    }
    if (notes.size === 0) return publication
    return mapTextEntries(publication, isXhtml, (text, path) => {
      const tree = parseXml(text)
      let changed = false
      for (const { element } of elements(tree)) {
        const href = element.name === 'a' ? element.attributes.href : undefined
        if (!href || /^[a-z]+:/i.test(href)) continue
        const target = resolveHref(path, href)
        if (!target.fragment || !notes.has(`${target.path}#${target.fragment}`)) continue
        const type = element.attributes['epub:type'] ?? ''
        if (hasToken(type, 'noteref')) continue
        element.attributes['epub:type'] = `${type} noteref`.trim()
        changed = true
      }
      return changed ? serializeXml(tree) : text
    })
  },
}
