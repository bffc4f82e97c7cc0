import type { Element, ElementContent, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { h, s } from 'hastscript'
import type { Nodes as XastNodes } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import type { VFile } from 'vfile'
import { withoutBackLinks } from '../blocks/footnotes.ts'
import { hastText, wholly } from '../blocks/text.ts'
import type { Block } from '../blocks/types.ts'
import { refuseDeepHtml } from '../too-deep.ts'

/**
 * A content document (XHTML) of an EPUB as hast. It is XML, so it is read
 * as XML first (xast-util-from-xml: no DTD, no entity expansion), which
 * gets self-closing `<a id="x"/>` and `<div/>` right where an HTML parser
 * would nest the rest of the page inside them; a document that is not
 * well-formed is read by the HTML parser instead, with a message.
 */
export function parseDocument(file: VFile, path: string, text: string): Root {
  // toHast below, parse5 and hast-util-to-mdast recurse: a document nested deeper than any book is refused first.
  refuseDeepHtml(text, file, path)
  try {
    const xml = fromXml(text)
    return { type: 'root', children: xml.children.flatMap((child) => toHast(child, false)) as Root['children'] }
  } catch {
    file.info(`\`${path}\` is not well-formed XML: read as HTML`, { ruleId: 'import-xml', source: 'colophon-import' })
    return fromHtml(text)
  }
}

function toHast(node: XastNodes, inSvg: boolean): Array<Nodes> {
  if (node.type === 'text' || node.type === 'cdata') return [{ type: 'text', value: node.value }]
  if (node.type !== 'element') return []
  const name = node.name.includes(':') ? (node.name.split(':')[1] as string) : node.name
  const svg = inSvg || name === 'svg'
  const attributes: Record<string, string> = {}
  for (const [key, value] of Object.entries(node.attributes)) if (value !== undefined && value !== null && !key.startsWith('xmlns')) attributes[key] = value
  const children = node.children.flatMap((child) => toHast(child, svg)) as ElementContent[]
  return [svg ? s(name, attributes, children) : h(name, attributes, children)]
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'dl', 'table', 'pre', 'hr', 'figure'])
const CONTAINERS = new Set(['body', 'section', 'div', 'article', 'main', 'header', 'footer', 'aside', 'center', 'html'])
const DROPPED = new Set(['head', 'script', 'style', 'nav', 'template', 'noscript', 'iframe', 'object', 'embed', 'form'])

/** `epub:type` as hastscript stores it. */
export function epubType(node: Element): string {
  const value = node.properties['epub:type'] ?? node.properties.epubType
  return Array.isArray(value) ? value.join(' ') : String(value ?? '')
}

/**
 * A document's body to blocks: paragraphs, headings, quotations, lists,
 * tables and rules, down through the sections and divisions that hold them;
 * text and inline elements loose in a container become a paragraph. Each
 * block carries the ids that lead to it, for TOC links with a `#fragment`.
 */
export function documentBlocks(path: string, tree: Root, centredClasses: ReadonlySet<string> = new Set()): { blocks: Block[]; notes: Map<string, ElementContent[]> } {
  const blocks: Block[] = []
  const notes = new Map<string, ElementContent[]>()
  const counts = new Map<string, number>()
  const add = (node: Element, ids: string[], centred: boolean): void => {
    const count = (counts.get(node.tagName) ?? 0) + 1
    counts.set(node.tagName, count)
    const text = hastText(node)
    // A paragraph of white space (calibre's `&nbsp;` lines between paragraphs) shows nothing and breaks nothing.
    if (text === '' && node.tagName !== 'hr' && !hasImage(node)) return
    const level = /^h([1-6])$/.exec(node.tagName)?.[1]
    const own: string[] = [...ids]
    const collect = (current: ElementContent): void => {
      if (current.type !== 'element') return
      if (typeof current.properties.id === 'string') own.push(current.properties.id)
      current.children.forEach(collect)
    }
    collect(node)
    blocks.push({
      node,
      text,
      where: `${path}, <${node.tagName}> ${count}`,
      centred: centred || isCentred(node, centredClasses),
      bold: text !== '' && wholly(node, ['strong', 'b'], text),
      italic: text !== '' && wholly(node, ['em', 'i'], text),
      ...(level ? { heading: Number(level) } : {}),
      rule: node.tagName === 'hr',
      ids: own,
    })
  }
  const walk = (container: Element | Root, pending: string[], centred: boolean): void => {
    let loose: ElementContent[] = []
    let carry = pending
    const flush = (): void => {
      if (loose.some((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''))) {
        add({ type: 'element', tagName: 'p', properties: {}, children: loose }, carry, centred)
        carry = []
      }
      loose = []
    }
    for (const child of container.children) {
      if (child.type === 'text') loose.push(child)
      if (child.type !== 'element' || DROPPED.has(child.tagName)) continue
      if (isNotes(child)) {
        // Footnotes are not text in their place: each is defined after the text that cites it.
        flush()
        collectNotes(child, notes)
        continue
      }
      if (BLOCKS.has(child.tagName)) {
        flush()
        add(child, carry, centred)
        carry = []
      } else if (CONTAINERS.has(child.tagName)) {
        flush()
        const id = typeof child.properties.id === 'string' ? [child.properties.id] : []
        const before = blocks.length
        walk(child, [...carry, ...id], centred || isCentred(child, centredClasses) || child.tagName === 'center')
        if (blocks.length > before) carry = []
      } else loose.push(child)
    }
    flush()
  }
  walk(tree, [], false)
  return { blocks, notes }
}

const NOTE_TYPES = /\b(?:footnotes?|endnotes?|rearnotes?)\b/

/** A footnote, or the list or section that holds a document's footnotes (pandoc's `section.footnotes`). */
function isNotes(node: Element): boolean {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  return NOTE_TYPES.test(epubType(node)) || /^doc-(?:footnote|endnotes?)$/.test(String(node.properties.role ?? '')) || classes.includes('footnotes')
}

function collectNotes(node: Element, notes: Map<string, ElementContent[]>): void {
  const id = typeof node.properties.id === 'string' ? node.properties.id : undefined
  const single = node.tagName === 'li' || node.tagName === 'aside' || /\b(?:footnote|endnote|rearnote)\b/.test(epubType(node))
  if (id && single) {
    notes.set(id, withoutBackLinks(node.children))
    return
  }
  for (const child of node.children) if (child.type === 'element') collectNotes(child, notes)
}

function hasImage(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || child.tagName === 'svg' || hasImage(child)))
}

function isCentred(node: Element, centredClasses: ReadonlySet<string>): boolean {
  const style = String(node.properties.style ?? '')
  const classes = node.properties.className
  const names = Array.isArray(classes) ? classes.map(String) : []
  return /text-align\s*:\s*center/i.test(style) || node.properties.align === 'center' || names.some((name) => centredClasses.has(name) || /^(?:center|centre|centered|centred|text-center)$/i.test(name))
}

