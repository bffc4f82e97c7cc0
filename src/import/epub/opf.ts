import type { Element as XastElement, Root as XastRoot } from 'xast'
import type { VFile } from 'vfile'
import { canonicalIdentifier } from '../../load/identifier.ts'
import { checkLanguageTag } from '../../load/language-tag.ts'
import { resolveInside } from '../package/zip.ts'
import { attribute, findAll, findFirst, localName, textOf } from '../package/xml.ts'
import type { ImportedMetadata } from '../types.ts'

const INFO = { source: 'colophon-import' } as const

export interface ManifestItem {
  id: string
  /** The entry name in the zip. */
  path: string
  mediaType: string
  properties: string[]
}

export interface Opf {
  metadata: ImportedMetadata
  manifest: Map<string, ManifestItem>
  /** Content documents in reading order (non-linear ones included: they are the author's words too). */
  spine: ManifestItem[]
  /** The EPUB 3 navigation document, or the EPUB 2 NCX. */
  nav?: ManifestItem
  ncx?: ManifestItem
  cover?: ManifestItem
}

/**
 * The OPF package document: Dublin Core metadata to book.yaml keys
 * (`dc:title`, `dc:creator` with role `aut` or none, `dc:language`,
 * `dc:date`, `dc:description`, `dc:subject`, `dc:rights`, `dc:publisher`,
 * `dc:identifier` when colophon can keep it), the series from EPUB 3's
 * `belongs-to-collection` or calibre's `calibre:series`, the manifest, the
 * spine and the cover (`properties="cover-image"`, or EPUB 2's `meta name="cover"`).
 */
export function readOpf(file: VFile, opfPath: string, root: XastRoot): Opf {
  const packageElement = findFirst(root, 'package')
  const metadataElement = packageElement && findFirst(packageElement, 'metadata')
  const manifest = new Map<string, ManifestItem>()
  for (const item of findAll(packageElement ?? root, 'item')) {
    const id = attribute(item, 'id')
    const href = attribute(item, 'href')
    const path = href ? resolveInside(opfPath, href) : undefined
    if (!id || !path) continue
    manifest.set(id, { id, path, mediaType: attribute(item, 'media-type') ?? '', properties: (attribute(item, 'properties') ?? '').split(/\s+/).filter(Boolean) })
  }
  const spineElement = packageElement && findFirst(packageElement, 'spine')
  const spine = findAll(spineElement ?? { type: 'root', children: [] }, 'itemref')
    .map((ref) => manifest.get(attribute(ref, 'idref') ?? ''))
    .filter((item): item is ManifestItem => item !== undefined)
  const nav = [...manifest.values()].find((item) => item.properties.includes('nav'))
  const ncx = manifest.get(spineElement ? (attribute(spineElement, 'toc') ?? '') : '') ?? [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml')
  const metas = metadataElement ? findAll(metadataElement, 'meta') : []
  const coverId = metas.find((meta) => attribute(meta, 'name') === 'cover')?.attributes.content
  const cover = [...manifest.values()].find((item) => item.properties.includes('cover-image')) ?? (coverId ? manifest.get(coverId) : undefined)
  return {
    metadata: metadataElement ? readMetadata(file, metadataElement, metas) : {},
    manifest,
    spine,
    ...(nav ? { nav } : {}),
    ...(ncx ? { ncx } : {}),
    ...(cover && cover.mediaType.startsWith('image/') ? { cover } : {}),
  }
}

function readMetadata(file: VFile, element: XastElement, metas: XastElement[]): ImportedMetadata {
  const metadata: ImportedMetadata = {}
  const dc = (name: string): XastElement[] => element.children.filter((child): child is XastElement => child.type === 'element' && child.name.startsWith('dc:') && localName(child) === name)
  const texts = (name: string): string[] => dc(name).map(textOf).filter((text) => text !== '')
  // EPUB 3 says what an element is with `<meta refines="#id" property="…">`.
  const refines = (node: XastElement, property: string): string | undefined => {
    const id = attribute(node, 'id')
    const meta = id ? metas.find((m) => attribute(m, 'refines') === `#${id}` && attribute(m, 'property') === property) : undefined
    return meta ? textOf(meta) : undefined
  }
  const found = (key: string, value: ImportedMetadata[string], from: string): void => {
    metadata[key] = value
    file.info(`${key} from \`${from}\` in the OPF`, { ruleId: `import-${key}`, ...INFO })
  }
  const titles = dc('title')
  const main = titles.find((title) => refines(title, 'title-type') === 'main') ?? titles[0]
  if (main && textOf(main)) found('title', textOf(main), 'dc:title')
  const subtitle = titles.find((title) => refines(title, 'title-type') === 'subtitle')
  if (subtitle && textOf(subtitle)) found('subtitle', textOf(subtitle), 'dc:title')
  const authors = dc('creator')
    .filter((creator) => (attribute(creator, 'role') ?? refines(creator, 'role') ?? 'aut') === 'aut')
    .map(textOf)
    .filter((name) => name !== '')
  if (authors.length > 0) found('author', authors.length === 1 ? (authors[0] as string) : authors, 'dc:creator')
  const [language] = texts('language')
  if (language && checkLanguageTag(language).res) found('language', language, 'dc:language')
  else if (language) file.info(`language \`${language}\` in the OPF is not a BCP 47 tag`, { ruleId: 'import-language', ...INFO })
  const date = texts('date').map((text) => /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(text)?.[0]).find(Boolean)
  // calibre writes 0101-01-01 for "no date".
  if (date && !date.startsWith('0101')) found('date', date, 'dc:date')
  const [description] = texts('description')
  if (description) found('description', description, 'dc:description')
  const subjects = texts('subject')
  if (subjects.length > 0) found('subjects', subjects, 'dc:subject')
  const [rights] = texts('rights')
  if (rights) found('rights', rights, 'dc:rights')
  const [publisher] = texts('publisher')
  if (publisher) found('publisher', publisher, 'dc:publisher')
  const identifier = texts('identifier').map(canonicalIdentifier).find(Boolean)
  if (identifier) found('identifier', identifier, 'dc:identifier')
  const collection = metas.find((meta) => attribute(meta, 'property') === 'belongs-to-collection')
  const calibreSeries = metas.find((meta) => attribute(meta, 'name') === 'calibre:series')?.attributes.content
  if (collection && textOf(collection)) {
    const position = Number(refines(collection, 'group-position'))
    found('series', { name: textOf(collection), ...(position > 0 ? { number: position } : {}) }, 'belongs-to-collection')
  } else if (calibreSeries) {
    const position = Number(metas.find((meta) => attribute(meta, 'name') === 'calibre:series_index')?.attributes.content)
    found('series', { name: calibreSeries, ...(position > 0 ? { number: position } : {}) }, 'calibre:series')
  }
  return metadata
}
