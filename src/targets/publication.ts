import { posix } from 'node:path'
import type { Publication, ZipEntry } from '../package/index.ts'
import { elements, parseXml, serializeXml, type Element, type Root } from './xml.ts'

export type { Publication, ZipEntry }

const decoder = new TextDecoder()

/** An entry's content; targets only read files whose content is made (text, given images), never a cover still being drawn. */
export function madeData(entry: ZipEntry): string | Uint8Array {
  if (entry.data instanceof Promise) throw new TypeError(`${entry.path} is still being made: settle the publication's entries first`)
  return entry.data
}

export function entryText(entry: ZipEntry): string {
  const data = madeData(entry)
  return typeof data === 'string' ? data : decoder.decode(data)
}

export function findEntry(publication: Publication, path: string): ZipEntry | undefined {
  return publication.entries.find((entry) => entry.path === path)
}

/** A copy of the publication with the entries `change` returns a new text for replaced. */
export function mapTextEntries(publication: Publication, test: (path: string) => boolean, change: (text: string, path: string) => string): Publication {
  return {
    ...publication,
    entries: publication.entries.map((entry) => (test(entry.path) ? { path: entry.path, data: change(entryText(entry), entry.path) } : entry)),
  }
}

/** A copy with `entry` added right after the entry at `after` (or at the end). */
export function insertEntry(publication: Publication, entry: ZipEntry, after?: string): Publication {
  const entries = publication.entries.filter((existing) => existing.path !== entry.path)
  const at = after === undefined ? -1 : entries.findIndex((existing) => existing.path === after)
  entries.splice(at === -1 ? entries.length : at + 1, 0, entry)
  return { ...publication, entries }
}

export interface ManifestItem {
  id: string
  href: string
  /** Path inside the container. */
  path: string
  mediaType: string
  properties: string[]
}

/** What targets need to know of the package document. */
export interface PackageModel {
  tree: Root
  language: string
  manifest: ManifestItem[]
  /** Manifest items in spine order. */
  spine: ManifestItem[]
  /** The manifest item of the NCX, when there is one. */
  ncx?: ManifestItem
  nav?: ManifestItem
}

export const folderOf = (path: string): string => posix.dirname(path)

/** Resolve an href found in the file at `from` to a container path and fragment. */
export function resolveHref(from: string, href: string): { path: string; fragment?: string } {
  const [file = '', fragment] = href.split('#', 2)
  const path = file === '' ? from : posix.normalize(posix.join(folderOf(from), decodeURIComponent(file)))
  return { path, fragment: fragment === undefined || fragment === '' ? undefined : decodeURIComponent(fragment) }
}

const localName = (element: Element): string => element.name.replace(/^.*:/, '')

export function readPackage(publication: Publication): PackageModel {
  const opf = findEntry(publication, publication.opfPath)
  if (!opf) throw new Error(`No package document at ${publication.opfPath}`)
  const tree = parseXml(entryText(opf))
  const manifest: ManifestItem[] = []
  const spineIds: string[] = []
  let language = ''
  let ncxId: string | undefined
  for (const { element } of elements(tree)) {
    const name = localName(element)
    const attributes = element.attributes
    if (name === 'item') {
      const href = String(attributes.href ?? '')
      manifest.push({
        id: String(attributes.id ?? ''),
        href,
        path: resolveHref(publication.opfPath, href).path,
        mediaType: String(attributes['media-type'] ?? ''),
        properties: String(attributes.properties ?? '').split(/\s+/).filter(Boolean),
      })
    } else if (name === 'itemref') spineIds.push(String(attributes.idref ?? ''))
    else if (name === 'spine') ncxId = attributes.toc ?? undefined
    else if (element.name === 'dc:language' && !language) language = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('').trim()
  }
  const byId = new Map(manifest.map((item) => [item.id, item]))
  return {
    tree,
    language,
    manifest,
    spine: spineIds.flatMap((id) => byId.get(id) ?? []),
    ncx: ncxId ? byId.get(ncxId) : undefined,
    nav: manifest.find((item) => item.properties.includes('nav')),
  }
}

/** A copy of the publication whose package document `change` edited in place. */
export function editPackage(publication: Publication, change: (tree: Root) => void): Publication {
  return mapTextEntries(publication, (path) => path === publication.opfPath, (text) => {
    const tree = parseXml(text)
    change(tree)
    return serializeXml(tree)
  })
}

/** Add a manifest item (in the package document only; add the file with `insertEntry`). */
export function addManifestItem(tree: Root, item: { id: string; href: string; mediaType: string; properties?: string }): void {
  for (const { element } of elements(tree)) {
    if (localName(element) !== 'manifest') continue
    const attributes: Record<string, string> = { id: item.id, href: item.href, 'media-type': item.mediaType }
    if (item.properties) attributes.properties = item.properties
    element.children.push({ type: 'element', name: 'item', attributes, children: [] }, { type: 'text', value: '\n' })
    return
  }
}

export const isXhtml = (path: string): boolean => path.endsWith('.xhtml')
