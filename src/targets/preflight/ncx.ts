import type { Publication } from '../../package/index.ts'
import { entryText, findEntry, resolveHref, type PackageModel } from '../publication.ts'
import { elements, parseXml, textContent } from '../xml.ts'

export interface NcxPoint {
  label: string
  src: string
  path: string
  fragment?: string
}

/** The NCX's navPoints in document order (nested ones after their parent). */
export function ncxPoints(publication: Publication, pkg: PackageModel): NcxPoint[] | undefined {
  const entry = pkg.ncx && findEntry(publication, pkg.ncx.path)
  if (!pkg.ncx || !entry) return undefined
  let tree
  try {
    tree = parseXml(entryText(entry))
  } catch {
    return undefined
  }
  const points: NcxPoint[] = []
  for (const { element } of elements(tree)) {
    if (element.name !== 'navPoint') continue
    const content = element.children.find((child) => child.type === 'element' && child.name === 'content')
    const label = element.children.find((child) => child.type === 'element' && child.name === 'navLabel')
    const src = content?.type === 'element' ? String(content.attributes.src ?? '') : ''
    points.push({ label: label ? textContent(label).trim() : '', src, ...resolveHref(pkg.ncx.path, src) })
  }
  return points
}
