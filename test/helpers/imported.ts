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

/**
 * The fixtures `test/import-done.test.ts` builds through the real CLI and
 * checks with Java EPUBCheck. The readers' tests build the same import
 * (the same bytes: the CLI builds what this writer writes) and check those
 * with epubcheck-ts only, as Java EPUBCheck is the slowest step of a test
 * run and once per book is enough.
 */
export const JAVA_CHECKED_THROUGH_CLI: ReadonlySet<string> = new Set([
  'seed',
  'gutenberg-novel',
  'pandoc-story',
  'ao3-work-page',
  'ffn-chapter',
  'docx-headings',
  'docx-plain',
  'epub-calibre',
])
