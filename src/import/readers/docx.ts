import type { VFile } from 'vfile'
import type { ImportedBook } from '../types.ts'

/** Placeholder: replaced by the docx reader. */
export async function readDocx(file: VFile): Promise<ImportedBook> {
  throw new Error(`no docx reader yet for ${file.path}`)
}
