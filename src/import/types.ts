import type { VFile } from 'vfile'
import type { LineOrigins } from './source-map.ts'

/**
 * What a reader makes of one story file: the book as colophon's manuscript
 * layout holds it, before it is written out (`colophon import`) or built
 * (`colophon build FILE`). Every text is Markdown as the author would type it
 * in a scene file: straight quotes and hyphens as they came (typography is
 * the build's job), anything Markdown would read as syntax escaped.
 */
export interface ImportedBook {
  /**
   * book.yaml's keys under colophon's names (`title`, `author`, `language`,
   * `date`, `description`, `fandoms` …), only those found. Values are what
   * `parseMetadata` accepts: strings, numbers, lists of strings, `{ name, number }`.
   */
  metadata: ImportedMetadata
  /** Front matter pages in order (disclaimer, dedication, epigraph …). */
  front: ImportedPage[]
  chapters: ImportedChapter[]
  /** Back matter pages in order (the book's own end notes, afterword …). */
  back: ImportedPage[]
  /** The source's own cover image (an EPUB's, a DOCX's first full-page image). */
  cover?: ImportedImage
  /** Images the texts reference as `images/<name>`. */
  images: ImportedImage[]
}

export type ImportedMetadata = Record<string, ImportedValue>
export type ImportedValue = string | number | boolean | string[] | { name: string; number?: number }

export interface ImportedPage {
  /** The page's kind, which becomes its file name: `disclaimer`, `dedication`, `epigraph`, `preface`, `notes`, `afterword` … */
  kind: string
  markdown: string
  /** Where each line of `markdown` came from in the source, for the readers that know (Markdown, plain text). */
  lines?: LineOrigins
}

export interface ImportedChapter {
  /** The chapter's title as the source gives it (`Prologue: Sequence`, `Chapter 12`). */
  title: string
  /** The author's note before the chapter (`head-note.md`). */
  headNote?: string
  /** One Markdown text per scene; scene breaks fall between them. At least one. */
  scenes: string[]
  /** The author's note after the chapter (`end-note.md`). */
  endNote?: string
  /** Where each line of its texts came from in the source, for the readers that know (Markdown, plain text). */
  origins?: { headNote?: LineOrigins; scenes: Array<LineOrigins | undefined>; endNote?: LineOrigins }
}

export interface ImportedImage {
  /** File name, XML-safe (`cover.jpg`, `map.png`). */
  name: string
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml'
  data: Uint8Array
  /** The file it was copied from, as the user would name it (an image beside a Markdown or HTML story): messages about it name that file. */
  from?: string
}

/** The formats colophon reads, decided by a file's bytes and name (`sniff.ts`). */
export type ImportFormat = 'markdown' | 'text' | 'html' | 'docx' | 'epub'

/**
 * A reader: one source file (its bytes in `file.value`, its path as the user
 * named it) to the book it holds. Every guess it makes is a message on
 * `file` at its place in the source (`file.info(…)` with a position for text
 * and Markdown; for HTML, DOCX and EPUB the element or part), rule ids
 * `import-<what>`: `import-chapter`, `import-scene-break`, `import-disclaimer`,
 * `import-note`, `import-title`, `import-language`, `import-encoding` …
 * Input that holds no book throws `BookError` with a positioned message.
 */
export type Reader = (file: VFile) => Promise<ImportedBook>
