import type { Element as HastElement, Nodes as HastNodes } from 'hast'
import type { Root as XastRoot } from 'xast'
import { hastText } from '../blocks/text.ts'
import { resolveInside } from '../package/zip.ts'
import { attribute, findAll, findFirst, textOf } from '../package/xml.ts'

/** One entry of the book's own table of contents: which document (and place in it) it names. */
export interface TocEntry {
  title: string
  path: string
  fragment?: string
}

const entry = (title: string, from: string, href: string): TocEntry | undefined => {
  const path = resolveInside(from, href)
  if (!path || title === '') return undefined
  const hash = href.indexOf('#')
  const fragment = hash === -1 ? '' : decodeURIComponent(href.slice(hash + 1))
  return { title, path, ...(fragment ? { fragment } : {}) }
}

/** EPUB 3: the `nav epub:type="toc"` of the navigation document, its links in order, nested ones included. */
export function navEntries(navPath: string, tree: HastNodes): TocEntry[] {
  const navs: HastElement[] = []
  const walk = (node: HastNodes): void => {
    if (node.type === 'element' && node.tagName === 'nav') navs.push(node)
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  const toc = navs.find((nav) => String(nav.properties.epubType ?? nav.properties['epub:type'] ?? '').split(/\s+/).includes('toc')) ?? navs[0]
  if (!toc) return []
  const links: TocEntry[] = []
  const collect = (node: HastNodes): void => {
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') {
      const found = entry(hastText(node), navPath, node.properties.href)
      if (found) links.push(found)
    }
    if ('children' in node) node.children.forEach(collect)
  }
  collect(toc)
  return links
}

/** EPUB 2: the NCX's `navPoint`s in document order (that is, depth first). */
export function ncxEntries(ncxPath: string, root: XastRoot): TocEntry[] {
  const map = findFirst(root, 'navMap')
  if (!map) return []
  return findAll(map, 'navPoint')
    .map((point) => {
      const label = findFirst(point, 'text')
      const content = point.children.find((child) => child.type === 'element' && child.name.endsWith('content'))
      const src = content && content.type === 'element' ? attribute(content, 'src') : undefined
      return label && src ? entry(textOf(label), ncxPath, src) : undefined
    })
    .filter((found): found is TocEntry => found !== undefined)
}
