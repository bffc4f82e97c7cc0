import type { Element, Root as HastRoot } from 'hast'
import type { Root as MdastRoot, ThematicBreak } from 'mdast'
import { toHast, type State } from 'mdast-util-to-hast'
import { toXast } from 'hast-util-to-xast'
import type { Root as XastRoot } from 'xast'
import { toXml } from 'xast-util-to-xml'

export interface XhtmlOptions {
  /** Accessible name of a scene break, in the book's language. */
  sceneBreakLabel: string
}

/**
 * One normalised Markdown tree → an XHTML fragment (well-formed XML, no
 * namespace declarations: the document skeleton declares them).
 */
export function toXhtmlFragment(tree: MdastRoot, options: XhtmlOptions): string {
  const hast = toHast(tree, {
    handlers: { thematicBreak: (state: State, node: ThematicBreak) => sceneBreak(state, node, options.sceneBreakLabel) },
  }) as HastRoot
  return hastToXml(hast)
}

/** Serialise hast as XML, leaving the XHTML namespace to the skeleton. */
export function hastToXml(hast: HastRoot | Element): string {
  const root = hast.type === 'root' ? hast : ({ type: 'root', children: [hast] } as HastRoot)
  const xast = toXast(root) as XastRoot
  for (const child of xast.children) {
    if (child.type === 'element' && child.attributes.xmlns === 'http://www.w3.org/1999/xhtml') delete child.attributes.xmlns
  }
  return toXml(xast, { closeEmptyElements: true })
}

/** The scene-break element that every chapter and text uses between scenes. */
export function sceneBreakElement(label: string): Element {
  return {
    type: 'element',
    tagName: 'hr',
    properties: { className: ['scene-break'], role: 'separator', ariaLabel: label },
    children: [],
  }
}

function sceneBreak(state: State, node: ThematicBreak, label: string): Element {
  const element = sceneBreakElement(label)
  state.patch(node, element)
  return element
}
