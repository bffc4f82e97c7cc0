import { posix } from 'node:path'
import type { Publication } from '../../package/index.ts'
import { editPackage, entryText, findEntry, folderOf, mapTextEntries, readPackage, resolveHref } from '../publication.ts'
import type { Transform } from '../types.ts'
import { elements, findElement, hasToken, parseXml, serializeXml, type Root } from '../xml.ts'

/** The `href` (relative to the nav) of the nav's bodymatter landmark, if it has one. */
function bodymatterLandmark(nav: Root): string | undefined {
  const landmarks = findElement(nav, (element) => element.name === 'nav' && hasToken(element.attributes['epub:type'], 'landmarks'))
  if (!landmarks) return undefined
  return findElement(landmarks, (element) => element.name === 'a' && hasToken(element.attributes['epub:type'], 'bodymatter'))?.attributes.href ?? undefined
}

/**
 * Apple Books opens a book at its start: the `bodymatter` landmark of the
 * nav, or on older versions the OPF guide's `text` reference. The book gets
 * both, pointing at the same place; where the nav lacks the landmark, the
 * first spine document whose body is `bodymatter` (else the first one
 * after the front matter) is used.
 */
export const appleStartLandmark: Transform = {
  id: 'start-landmark',
  summary: 'makes sure the nav has a `bodymatter` landmark and adds the OPF `<guide><reference type="text"/>` older Apple Books versions read, both at the first page of the body, where the book opens',
  apply(publication: Publication): Publication {
    const pkg = readPackage(publication)
    const navEntry = pkg.nav && findEntry(publication, pkg.nav.path)
    if (!pkg.nav || !navEntry) return publication
    const navPath = pkg.nav.path
    const existing = bodymatterLandmark(parseXml(entryText(navEntry)))
    let start = existing ? resolveHref(navPath, existing) : undefined
    if (!start) {
      const first = pkg.spine.find((item) => {
        const entry = findEntry(publication, item.path)
        return entry && /<body[^>]*epub:type="[^"]*bodymatter/.test(entryText(entry))
      })
      if (!first) return publication
      start = { path: first.path }
    }
    const target = start
    let result = publication
    if (!existing) {
      result = mapTextEntries(result, (path) => path === navPath, (text) => {
        const tree = parseXml(text)
        const landmarks = [...elements(tree)].find(({ element }) => element.name === 'nav' && hasToken(element.attributes['epub:type'], 'landmarks'))
        const list = landmarks && findElement(landmarks.element, (element) => element.name === 'ol')
        list?.children.push({
          type: 'element',
          name: 'li',
          attributes: {},
          children: [{ type: 'element', name: 'a', attributes: { 'epub:type': 'bodymatter', href: posix.relative(folderOf(navPath), target.path) }, children: [{ type: 'text', value: 'Start' }] }],
        })
        return serializeXml(tree)
      })
    }
    const href = posix.relative(folderOf(publication.opfPath), target.path) + (target.fragment ? `#${target.fragment}` : '')
    return editPackage(result, (tree) => {
      const root = findElement(tree, (element) => element.name === 'package')
      if (!root) return
      let guide = findElement(root, (element) => element.name === 'guide')
      if (guide && findElement(guide, (element) => element.name === 'reference' && hasToken(element.attributes.type, 'text'))) return
      if (!guide) {
        guide = { type: 'element', name: 'guide', attributes: {}, children: [] }
        root.children.push(guide, { type: 'text', value: '\n' })
      }
      guide.children.push({ type: 'element', name: 'reference', attributes: { type: 'text', title: 'Start', href }, children: [] })
    })
  },
}
