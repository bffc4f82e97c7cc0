import type { Publication } from '../../package/index.ts'
import { isXhtml, mapTextEntries, readPackage } from '../publication.ts'
import type { Transform } from '../types.ts'
import { findElement, parseXml, serializeXml, type Element, type ElementContent } from '../xml.ts'
import { sentences } from './sentences.ts'

/** Elements that start a new Kobo "paragraph" (the P of `kobo.P.S`). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
])
/** Left as they are: not text a reader highlights, or not HTML. */
const SKIP = new Set(['script', 'style', 'svg', 'math', 'audio', 'video', 'object'])

const span = (id: string, children: ElementContent[]): Element => ({
  type: 'element',
  name: 'span',
  attributes: { class: 'koboSpan', id },
  children,
})

/**
 * Kobo's markup, as Kobo's own kepubs and kepubify have it: the body's
 * content inside `div#book-columns > div#book-inner` (Kobo's pagination
 * styles hook there), and every sentence and image inside
 * `span.koboSpan#kobo.P.S`, P counting paragraphs and S sentences within
 * one, both from 1. Kobo uses the spans for highlights, bookmarks and
 * reading statistics.
 */
export function koboSpans(body: Element): void {
  let paragraph = 0
  let segment = 0
  let pending = true
  const next = (): string => {
    if (pending) {
      paragraph++
      segment = 0
      pending = false
    }
    segment++
    return `kobo.${paragraph}.${segment}`
  }
  const walk = (element: Element): void => {
    const children: ElementContent[] = []
    for (const child of element.children) {
      if (child.type === 'text' && child.value.trim()) {
        for (const piece of sentences(child.value)) children.push(span(next(), [{ type: 'text', value: piece }]))
      } else if (child.type === 'element' && child.name === 'img') {
        children.push(span(next(), [child]))
      } else if (child.type === 'element' && !SKIP.has(child.name) && child.attributes.class !== 'koboSpan') {
        const block = BLOCKS.has(child.name)
        if (block) pending = true
        walk(child)
        if (block) pending = true
        children.push(child)
      } else children.push(child)
    }
    element.children = children
  }
  walk(body)
  const inner: Element = { type: 'element', name: 'div', attributes: { id: 'book-inner' }, children: body.children }
  body.children = [{ type: 'element', name: 'div', attributes: { id: 'book-columns' }, children: [inner] }]
}

export const koboSpansTransform: Transform = {
  id: 'kobo-spans',
  summary: 'wraps each sentence and image in `<span class="koboSpan" id="kobo.P.S">` and the body in `div#book-columns > div#book-inner`, as kepubify does (Kobo needs them for highlights, bookmarks and page statistics)',
  apply(publication: Publication): Publication {
    const nav = readPackage(publication).nav?.path
    return mapTextEntries(publication, (path) => isXhtml(path) && path !== nav, (text) => {
      const tree = parseXml(text)
      const body = findElement(tree, (element) => element.name === 'body')
      if (body) koboSpans(body)
      return serializeXml(tree)
    })
  },
}
