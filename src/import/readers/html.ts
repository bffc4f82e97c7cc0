import type { VFile } from 'vfile'
import type { ImportedBook } from '../types.ts'

/** Placeholder: replaced by the html reader. */
export async function readHtml(file: VFile): Promise<ImportedBook> {
  throw new Error(`no html reader yet for ${file.path}`)
}
