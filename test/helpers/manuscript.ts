import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A one-chapter book.yaml a test changes a line of. */
export const SMALL_BOOK_YAML = 'title: A Small Book\nauthor: Ann Writer\nlanguage: en\ndate: "2013-05-20"\n'

/**
 * Write a small manuscript into a new temporary folder (`<tmp>/book/`):
 * book.yaml and one scene, plus `files` (path inside the manuscript →
 * text or bytes). Returns the manuscript folder.
 */
export async function smallManuscript(files: Record<string, string | Uint8Array> = {}, yaml = SMALL_BOOK_YAML): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'colophon-small-')), 'book')
  const all: Record<string, string | Uint8Array> = {
    'book.yaml': yaml,
    'chapters/01-one/01-scene.md': 'The rain had stopped by the time she reached the harbour.\n',
    ...files,
  }
  for (const [path, data] of Object.entries(all)) {
    await mkdir(dirname(join(folder, path)), { recursive: true })
    await writeFile(join(folder, path), data)
  }
  return folder
}
