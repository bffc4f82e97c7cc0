import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Metadata } from './metadata.ts'
import type { BookAsset } from './template-assets.ts'

/** A page of front or back matter: one Markdown file. */
export interface MatterPage {
  /** Stable, XML-safe name used for the file name and ids (`disclaimer`). */
  slug: string
  /** Title for the page, the TOC and `<title>`, before typography. */
  title: string
  file: VFile
}

/** A chapter: a folder of scene files, with an optional head note and end note. */
export interface Chapter {
  slug: string
  /** 1-based position among chapters. */
  number: number
  title: string
  /** The author's note before the chapter's text (`head-note.md`). */
  headNote?: VFile
  scenes: VFile[]
  endNote?: VFile
}

/** The manuscript's own cover image (`cover.jpg` or `cover.png`). */
export interface GivenCover {
  /** Path as shown in messages. */
  path: string
  mediaType: 'image/png' | 'image/jpeg'
  data: Uint8Array
}

/** Everything the later stages need, read once from the manuscript folder. */
export interface Book {
  /** The manuscript folder as the user named it (relative paths in messages). */
  root: string
  /** The manuscript folder's absolute path: images are looked up inside it. */
  folder: string
  metadata: Metadata
  front: MatterPage[]
  chapters: Chapter[]
  back: MatterPage[]
  cover?: GivenCover
  /** Template name (`chapter.xhtml`, `book.css` …) → its text, overrides applied. */
  templates: Map<string, string>
  /** The names of the manuscript's own templates among them (a built page's problem names the one that made it). */
  ownTemplates?: readonly string[]
  /** Fonts and images the manuscript's own templates name (`templates/fonts/…`), with their media types. */
  assets: BookAsset[]
  /** Warnings of files the book does not carry as text: book.yaml, empty files left out. */
  messages: VFileMessage[]
}
