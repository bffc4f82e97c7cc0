import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { ImportedBook } from '../../src/import/index.ts'

/**
 * Test-only: an ImportedBook written as a manuscript folder, so a test can
 * build it through the public `build()`. The real writer is
 * `src/import/manuscript.ts` (the `import` command's); this one only knows
 * enough of the layout to build: a head note goes in as the chapter's first
 * scene file until the loader reads `head-note.md`, and a book with no
 * author found gets `Unknown`, since book.yaml needs one.
 */
export async function writeImported(book: ImportedBook): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'colophon-imported-'))
  const metadata = { author: 'Unknown', ...book.metadata }
  await writeFile(join(root, 'book.yaml'), stringify(metadata))
  const pad = (n: number): string => String(n).padStart(2, '0')
  for (const [folder, pages] of [['front', book.front], ['back', book.back]] as const) {
    if (pages.length === 0) continue
    await mkdir(join(root, folder))
    for (const [index, page] of pages.entries()) await writeFile(join(root, folder, `${pad(index + 1)}-${page.kind}.md`), page.markdown)
  }
  for (const [index, chapter] of book.chapters.entries()) {
    const dir = join(root, 'chapters', `${pad(index + 1)}-chapter`)
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'chapter.yaml'), stringify({ title: chapter.title }))
    if (chapter.headNote) await writeFile(join(dir, '00-head-note.md'), chapter.headNote)
    for (const [number, scene] of chapter.scenes.entries()) await writeFile(join(dir, `${pad(number + 1)}-scene.md`), scene)
    if (chapter.endNote) await writeFile(join(dir, 'end-note.md'), chapter.endNote)
  }
  return root
}
