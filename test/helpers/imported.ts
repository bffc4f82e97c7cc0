import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { VFile } from 'vfile'
import type { ImportedBook } from '../../src/import/index.ts'
import { manuscriptFiles } from '../../src/import/manuscript.ts'

/**
 * An imported book written as a manuscript folder by the writer `colophon
 * import` uses (`src/import/manuscript.ts`: book.yaml, front/, chapters/
 * with head-note.md and end-note.md, back/, the cover and images), into a
 * fresh temporary folder, so a test builds what a user's import would.
 * `source` is the story file's name, which the writer's fallbacks read.
 */
export async function writeImported(book: ImportedBook, source = 'story'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'colophon-imported-'))
  for (const file of manuscriptFiles(book, new VFile({ path: source }))) {
    const path = join(root, ...file.path.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.data)
  }
  return root
}
