import type { VFileMessage } from 'vfile-message'
import type { EntryData } from '../package/zip.ts'
/** An entry of the table of contents: nav and NCX are made from these. */
export interface TocEntry {
  /** Plain label: no invisible characters (nav labels and the NCX are read aloud and indexed). */
  label: string
  href: string
  children: TocEntry[]
}

/** One XHTML content document of the book. */
export interface ContentDocument {
  /** Manifest id, also the file's stem: `chapter-1`. */
  id: string
  /** Path inside the EPUB's content folder: `text/chapter-1.xhtml`. */
  href: string
  /** Plain title, for `<title>` and the TOC. */
  title: string
  /** Where it stands in the book, for landmarks and ordering. */
  matter: 'front' | 'body' | 'back'
  /** The `epub:type` of its main section (`titlepage`, `chapter` …). */
  type: string
  /** False for a page readers may leave out of the reading order. */
  linear?: boolean
  xhtml: string
  /** Entries this document adds to the TOC (none for the title page). */
  toc: TocEntry[]
}

/** A file copied into the EPUB as is (CSS, images). */
export interface Resource {
  id: string
  href: string
  mediaType: string
  /** Its content, or the promise of its bytes (a cover still being drawn). */
  data: EntryData
  /** Manifest properties (`cover-image`). */
  properties?: string
}

/** What the package stage needs to describe the content in the OPF. */
export interface ContentFacts {
  /** The description as plain text, for `dc:description`. */
  description?: string
  /** Words in the chapters, given or counted. */
  words: number
  /** Images a reader sees (the load stage refuses one without alt text). */
  images: Array<{ href: string; alt?: string }>
  /** Whether any page has footnotes. */
  footnotes: boolean
}

export interface RenderedBook {
  documents: ContentDocument[]
  resources: Resource[]
  facts: ContentFacts
  /** Warnings about what was removed from metadata rendered as Markdown (the description), on book.yaml. */
  messages?: VFileMessage[]
}
