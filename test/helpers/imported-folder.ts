import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { ImportedBook } from '../../src/import/index.ts'

/**
 * Write an imported book as a manuscript folder in the documented layout,
 * for tests that build it with the public `build()`: book.yaml,
 * `front/NN-<kind>.md`, `chapters/NN-slug/` (chapter.yaml, one file per
 * scene, end-note.md), `back/NN-<kind>.md`. A stand-in for `colophon
 * import`'s own writer: a chapter's head note opens its first scene until
 * the layout has a place for it.
 */
export async function writeImportedBook(book: ImportedBook): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-import-'))
  // book.yaml needs a title, an author and a language; a page may give none (the CLI's writer decides its own fallbacks).
  const metadata = { title: 'Untitled', author: 'Unknown', language: 'en', ...book.metadata }
  await writeFile(join(folder, 'book.yaml'), stringify(metadata))
  const pages = async (dir: string, list: ImportedBook['front']): Promise<void> => {
    if (list.length === 0) return
    await mkdir(join(folder, dir))
    for (const [index, page] of list.entries()) await writeFile(join(folder, dir, `${pad(index + 1)}-${page.kind}.md`), page.markdown)
  }
  await pages('front', book.front)
  await pages('back', book.back)
  await mkdir(join(folder, 'chapters'))
  for (const [index, chapter] of book.chapters.entries()) {
    const dir = join(folder, 'chapters', `${pad(index + 1)}-${slug(chapter.title) || 'chapter'}`)
    await mkdir(dir)
    await writeFile(join(dir, 'chapter.yaml'), stringify({ title: chapter.title }))
    const scenes = [...chapter.scenes]
    if (chapter.headNote) scenes[0] = `${chapter.headNote}\n${scenes[0] ?? ''}`
    for (const [number, scene] of scenes.entries()) await writeFile(join(dir, `${pad(number + 1)}-scene.md`), scene)
    if (chapter.endNote) await writeFile(join(dir, 'end-note.md'), chapter.endNote)
  }
  return folder
}

function pad(number: number): string {
  return String(number).padStart(2, '0')
}

function slug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '')
}
