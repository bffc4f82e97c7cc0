import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { stringify } from 'yaml'
import type { ImportedBook } from '../../src/import/index.ts'
import { slugify } from '../../src/load/slug.ts'

/**
 * Write an imported book into a temporary manuscript folder in the
 * documented layout, so a test can build it with the public `build()`.
 * A stand-in for `colophon import`'s own writer, which lives elsewhere:
 * book.yaml, `front/NN-<kind>.md`, `chapters/NN-<slug>/chapter.yaml` with
 * one `NN-scene.md` per scene, `head-note.md` and `end-note.md`,
 * `back/NN-<kind>.md`, the cover, and each image next to the texts that
 * reference it as `images/<name>`.
 */
export async function writeManuscript(book: ImportedBook): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'colophon-imported-'))
  const put = async (path: string, data: string | Uint8Array): Promise<void> => {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), data)
  }
  const number = (index: number): string => String(index + 1).padStart(2, '0')
  const texts = async (folder: string, files: Array<[string, string]>): Promise<void> => {
    for (const [name, markdown] of files) await put(join(folder, name), markdown)
    for (const image of book.images) {
      if (files.some(([, markdown]) => markdown.includes(`images/${image.name}`))) await put(join(folder, 'images', image.name), image.data)
    }
  }
  await put('book.yaml', stringify(book.metadata))
  await texts('front', book.front.map((page, index) => [`${number(index)}-${page.kind}.md`, page.markdown]))
  await texts('back', book.back.map((page, index) => [`${number(index)}-${page.kind}.md`, page.markdown]))
  for (const [index, chapter] of book.chapters.entries()) {
    const folder = join('chapters', `${number(index)}-${slugify(chapter.title)}`)
    await put(join(folder, 'chapter.yaml'), stringify({ title: chapter.title }))
    await texts(folder, [
      ...chapter.scenes.map((scene, at): [string, string] => [`${number(at)}-scene.md`, scene]),
      ...(chapter.headNote ? [['head-note.md', chapter.headNote] as [string, string]] : []),
      ...(chapter.endNote ? [['end-note.md', chapter.endNote] as [string, string]] : []),
    ])
  }
  if (book.cover) await put(book.cover.name, book.cover.data)
  return root
}
