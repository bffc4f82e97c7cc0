import type { VFile } from 'vfile'
import type { ImportedBook } from '../types.ts'

/** Placeholder: replaced by the text reader. */
export async function readText(file: VFile): Promise<ImportedBook> {
  throw new Error(`no text reader yet for ${file.path}`)
}
