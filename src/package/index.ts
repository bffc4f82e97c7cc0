import { w3cDateTime } from '../clock.ts'
import type { Metadata } from '../load/metadata.ts'
import { stripInvisibles } from '../normalise/index.ts'
import { fill, labelsFor, type ContentDocument, type RenderedBook, type TocEntry } from '../render/index.ts'
import { accessibilityMetadata } from './accessibility.ts'
import { bookIdentifier } from './identifier.ts'
import { zipEpub, type ZipEntry } from './zip.ts'

export { deflateText, zipEpub, type PackCache, type PackedEntry, type TextDeflater, type ZipEntry, type EntryData, type MadeEntry, settleEntries } from './zip.ts'

export { bookIdentifier } from './identifier.ts'
export { accessibilityMetadata, CONFORMANCE, type AccessibilityMetadata } from './accessibility.ts'

export interface PackageInput {
  metadata: Metadata
  rendered: RenderedBook
  templates: ReadonlyMap<string, string>
  /** The build time from `clock.ts`: `dcterms:modified` and every zip entry's time. */
  date: Date
  /** What built the book: `colophon 0.1.0`. */
  generator?: string
}

const CONTENT = 'EPUB'

/** Every file of the EPUB but `mimetype`, in zip order: what targets transform before zipping. */
export interface Publication {
  entries: ZipEntry[]
  /** Path of the package document inside the container. */
  opfPath: string
}

/**
 * The files of a rendered book's EPUB 3 container before zipping: OPF, nav
 * (toc and landmarks), NCX for older readers, the documents in reading
 * order, CSS and images.
 */
export async function assembleEpub(input: PackageInput): Promise<Publication> {
  const { metadata, rendered, templates, date } = input
  const labels = labelsFor(metadata.language, metadata.labels)
  const identifier = bookIdentifier(metadata)
  const plain = (text: string): string => stripInvisibles(text)
  const documents = rendered.documents
  const toc = documents.flatMap((document) => document.toc)
  const firstBody = documents.find((document) => document.matter === 'body')
  const lang = metadata.language

  // The nav is read as a page too: it follows the front matter in the spine.
  const navAt = documents.findIndex((document) => document.matter !== 'front')
  const spine = [
    ...documents.slice(0, navAt === -1 ? documents.length : navAt).map((document) => document.id),
    'nav',
    ...(navAt === -1 ? [] : documents.slice(navAt).map((document) => document.id)),
  ]

  const cover = documents.find((document) => document.type === 'cover')
  const titlepage = documents.find((document) => document.type === 'titlepage')
  const landmarks = [
    ...(cover ? [{ type: 'cover', href: cover.href, label: labels.cover }] : []),
    ...(titlepage ? [{ type: 'titlepage', href: titlepage.href, label: labels.titlePage }] : []),
    { type: 'toc', href: 'nav.xhtml#toc', label: labels.contents },
    ...(firstBody ? [{ type: 'bodymatter', href: firstBody.href, label: labels.beginReading }] : []),
  ]
  // EPUB 2 readers (and calibre) find the cover, the contents and the text through the guide.
  const guide = [
    ...(cover ? [{ type: 'cover', href: cover.href, title: labels.cover }] : []),
    { type: 'toc', href: 'nav.xhtml', title: labels.contents },
    ...(firstBody ? [{ type: 'text', href: firstBody.href, title: labels.beginReading }] : []),
  ]
  const linear = new Map(documents.map((document) => [document.id, document.linear !== false]))
  const coverImage = rendered.resources.find((resource) => resource.properties === 'cover-image')
  const fan = metadata.fanfiction
  const subjects = [...new Set([...metadata.subjects, ...fan.fandoms, ...fan.relationships, ...fan.characters, ...fan.tags].map(plain))]

  const nav = fill(templates, 'nav.xhtml', {
    lang,
    contents: labels.contents,
    landmarksLabel: labels.landmarks,
    toc,
    landmarks,
  })

  const ncx = fill(templates, 'toc.ncx', {
    lang,
    identifier,
    title: plain(metadata.title),
    depth: toc.some((entry) => entry.children.length > 0) ? 2 : 1,
    points: numberNavPoints(toc),
  })

  const manifest = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    ...rendered.resources.map(({ id, href, mediaType, properties }) => ({ id, href, mediaType, properties })),
    ...documents.map(({ id, href }) => ({ id, href, mediaType: 'application/xhtml+xml' })),
  ]

  const opf = fill(templates, 'content.opf', {
    lang,
    identifier,
    title: plain(metadata.title),
    sortTitle: metadata.sortTitle && plain(metadata.sortTitle),
    subtitle: metadata.subtitle && plain(metadata.subtitle),
    // Authors are creators; editors, translators, illustrators … contributors.
    authors: metadata.authors.map((author, index) => ({
      id: `author-${index + 1}`,
      element: author.role === 'aut' ? 'creator' : 'contributor',
      name: plain(author.name),
      role: author.role,
      fileAs: author.fileAs && plain(author.fileAs),
    })),
    date: metadata.date,
    description: rendered.facts.description,
    subjects,
    publisher: metadata.publisher && plain(metadata.publisher),
    rights: metadata.rights && plain(metadata.rights),
    source: fan.source,
    series: metadata.series && { name: plain(metadata.series.name), number: metadata.series.number },
    modified: w3cDateTime(date),
    a11y: accessibilityMetadata(rendered.facts, labels),
    certifiedBy: plain(metadata.publisher ?? metadata.authors[0]?.name ?? 'colophon'),
    coverId: coverImage?.id,
    generator: input.generator ?? 'colophon',
    manifest,
    spine: spine.map((idref) => ({ idref, nonLinear: linear.get(idref) === false })),
    guide,
  })

  // Order matters for readers that stream the zip: container, then package
  // document, then everything else in manifest order.
  const entries: ZipEntry[] = [
    { path: 'META-INF/container.xml', data: fill(templates, 'container.xml', {}) },
    { path: `${CONTENT}/content.opf`, data: opf },
    { path: `${CONTENT}/nav.xhtml`, data: nav },
    { path: `${CONTENT}/toc.ncx`, data: ncx },
    ...rendered.resources.map((resource) => ({ path: `${CONTENT}/${resource.href}`, data: resource.data })),
    ...documents.map((document: ContentDocument) => ({ path: `${CONTENT}/${document.href}`, data: document.xhtml })),
  ]
  return { entries, opfPath: `${CONTENT}/content.opf` }
}

interface NavPoint {
  id: string
  order: number
  label: string
  href: string
  children: NavPoint[]
}

/** NCX navPoints need unique ids and a playOrder that follows reading order. */
function numberNavPoints(entries: TocEntry[]): NavPoint[] {
  let order = 0
  const walk = (list: TocEntry[]): NavPoint[] =>
    list.map((entry) => {
      order++
      const point: NavPoint = { id: `navpoint-${order}`, order, label: entry.label, href: entry.href, children: [] }
      point.children = walk(entry.children)
      return point
    })
  return walk(entries)
}
