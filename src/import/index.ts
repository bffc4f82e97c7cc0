import { VFile } from 'vfile'
import { BookError } from '../errors.ts'
import { decodeText } from './decode.ts'
import { isZip, sniff } from './sniff.ts'
import type { ImportedBook, ImportFormat, Reader } from './types.ts'

export type { ImportedBook, ImportedChapter, ImportedPage, ImportedImage, ImportFormat, ImportedMetadata } from './types.ts'

/** Each format's reader, loaded only when a file of that format comes. */
const readers: Record<ImportFormat, () => Promise<Reader>> = {
  text: async () => (await import('./readers/text.ts')).readText,
  markdown: async () => (await import('./readers/markdown.ts')).readMarkdown,
  html: async () => (await import('./readers/html.ts')).readHtml,
  docx: async () => (await import('./readers/docx.ts')).readDocx,
  epub: async () => (await import('./readers/epub.ts')).readEpub,
}

export interface ImportResult {
  format: ImportFormat
  book: ImportedBook
  /** The source file, carrying every guess the reader made as a message. */
  file: VFile
}

/**
 * Read one story file (its bytes, and its path as the user named it) into an
 * `ImportedBook`. Pure: no file is read or written here. Throws `BookError`
 * when the file holds no book.
 */
export async function importBytes(path: string, data: Uint8Array, cwd = process.cwd()): Promise<ImportResult> {
  const file = new VFile({ path, cwd, value: data })
  const format = sniff(file)
  if (!format) {
    // Empty or binary bytes: say where the first byte that is not text is.
    if (!isZip(data)) decodeText(file)
    const message = file.message('Unexpected file, expected a story as Markdown, plain text, HTML, DOCX or EPUB', { ruleId: 'import-format', source: 'colophon-import' })
    message.fatal = true
    throw new BookError([message])
  }
  const read = await readers[format]()
  return { format, book: await read(file), file }
}
