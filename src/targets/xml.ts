import type { Element, ElementContent, Root, RootContent } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import { xmlString } from '../render/xml-string.ts'

export type { Element, ElementContent, Root, RootContent }

/** Parse an XML document of the book (our own output, so well-formed). */
export function parseXml(text: string): Root {
  return fromXml(text)
}

/** Serialise a tree back, one line break after the prolog's parts, as our templates have them. */
export function serializeXml(tree: Root): string {
  const children: RootContent[] = []
  for (const child of tree.children) {
    if (child.type === 'text') continue
    children.push(child)
    if (child.type !== 'element') children.push({ type: 'text', value: '\n' })
  }
  // XML forbids `]]>` in text, and xmlString (as xast-util-to-xml) escapes only `&` and `<` there (as hastToXml in
  // render/to-xhtml.ts knows): prose with `Fish ]]> chips` made the Kobo target's pages malformed.
  // In an attribute value `&gt;` means the same; CDATA sections keep theirs.
  return `${escapeCdataEnds(xmlString({ type: 'root', children }, { tightClose: true }))}\n`
}

/** `]]>` outside CDATA sections as `]]&gt;`. */
function escapeCdataEnds(xml: string): string {
  if (!xml.includes(']]>')) return xml
  let out = ''
  let at = 0
  for (;;) {
    const open = xml.indexOf('<![CDATA[', at)
    out += xml.slice(at, open < 0 ? xml.length : open).replaceAll(']]>', ']]&gt;')
    if (open < 0) return out
    const close = xml.indexOf(']]>', open + 9)
    const stop = close < 0 ? xml.length : close + 3
    out += xml.slice(open, stop)
    at = stop
  }
}

/** Depth-first, document order, each element with its ancestors (nearest last). */
export function* elements(node: Root | Element, ancestors: Element[] = []): Generator<{ element: Element; ancestors: Element[] }> {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    yield { element: child, ancestors }
    yield* elements(child, [...ancestors, child])
  }
}

export function findElement(tree: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const { element } of elements(tree)) if (test(element)) return element
  return undefined
}

/** The text of a node and its descendants. */
export function textContent(node: Root | ElementContent): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textContent(child as ElementContent)).join('')
  return ''
}

/** Local name without a prefix: `epub:type` → `type` is not wanted, so only for element names. */
export const hasToken = (value: unknown, token: string): boolean =>
  typeof value === 'string' && value.split(/\s+/).includes(token)
