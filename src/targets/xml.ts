import type { Element, ElementContent, Root, RootContent } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import { toXml } from 'xast-util-to-xml'

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
  return `${toXml({ type: 'root', children }, { closeEmptyElements: true, tightClose: true })}\n`
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
