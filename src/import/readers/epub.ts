import type { VFile } from 'vfile'
import type { ImportedBook } from '../types.ts'

/** Placeholder: replaced by the epub reader. */
export async function readEpub(file: VFile): Promise<ImportedBook> {
  throw new Error(`no epub reader yet for ${file.path}`)
}
