import type { VFile } from 'vfile'
import type { ImportedBook } from '../types.ts'

/** Placeholder: replaced by the markdown reader. */
export async function readMarkdown(file: VFile): Promise<ImportedBook> {
  throw new Error(`no markdown reader yet for ${file.path}`)
}
