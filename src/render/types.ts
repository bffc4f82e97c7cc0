import type { VFile } from 'vfile'
import type { Book, Chapter, MatterPage } from '../load/types.ts'

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
  xhtml: string
  /** Entries this document adds to the TOC (none for the title page). */
  toc: TocEntry[]
}

/** A file copied into the EPUB as is (CSS, images). */
export interface Resource {
  id: string
  href: string
  mediaType: string
  data: string | Uint8Array
}

export interface RenderedBook {
  documents: ContentDocument[]
  resources: Resource[]
}

/** A scene, page or note with its XHTML fragment (see text.ts). */
export interface RenderedText {
  file: VFile
  xhtml: string
  /** The text's content key in the build cache, when there is one (see src/cache/). */
  key?: string
}

export interface TypesetChapter extends Omit<Chapter, 'scenes' | 'endNote'> {
  scenes: RenderedText[]
  endNote?: RenderedText
}

export interface TypesetPage extends Omit<MatterPage, 'file'> {
  text: RenderedText
}

/** A book whose every text has been rendered: what `renderBook` lays out in pages. */
export interface TypesetBook extends Omit<Book, 'front' | 'chapters' | 'back'> {
  front: TypesetPage[]
  chapters: TypesetChapter[]
  back: TypesetPage[]
}
