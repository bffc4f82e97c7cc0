import { sep } from 'node:path'

/**
 * The folder a book is written to when colophon is run inside its
 * manuscript (`colophon build` beside book.yaml): `dist/`. The loader never
 * reads it (it reads book.yaml, cover, front/, chapters/, back/ and
 * templates/ by name), and the watchers do not take a write there for an
 * edit of the book.
 */
export const OUTPUT_FOLDER = 'dist'

/** Whether a path relative to the manuscript folder is in its `dist/`. */
export function inOutputFolder(path: string): boolean {
  return path === OUTPUT_FOLDER || path.startsWith(`${OUTPUT_FOLDER}/`) || path.startsWith(`${OUTPUT_FOLDER}${sep}`)
}
