import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadBook } from '../src/load/index.ts'
import { manuscriptFiles, trimLines } from '../src/import/manuscript.ts'
import type { ImportedBook } from '../src/import/types.ts'
import { ROOT } from './helpers/cli.ts'
import { runs } from './helpers/runs.ts'

/** Runs: COLOPHON_PROPERTY_RUNS (default 1000), a tenth of it here: each run writes and loads a folder. */
const RUNS = Math.max(10, Math.round(Number(process.env.COLOPHON_PROPERTY_RUNS ?? runs(1000)) / 10))

/** Text a writer types: letters of several scripts, digits, quotes, YAML's and Markdown's signs, spaces. */
const line = fc.stringMatching(/^[A-Za-zÀ-ÿА-я一-龥0-9 "'’:#&*_\-!?.,;()[\]{}|>%@`~\\/]{1,40}$/)
const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => `${lines.join('\n\n')}\n`)
/** What shows: not white space alone. */
const visible = (value: string): boolean => value.trim() !== ''

const chapter = fc.record(
  {
    title: line,
    headNote: fc.option(text, { nil: undefined }),
    scenes: fc.array(text.filter(visible), { minLength: 1, maxLength: 4 }),
    endNote: fc.option(text, { nil: undefined }),
  },
  { requiredKeys: ['title', 'scenes'] },
)

const book = fc.record({
  title: line,
  author: line,
  chapters: fc.array(chapter, { minLength: 1, maxLength: 12 }),
})

/**
 * A cover of the book's own: titles and authors in any script then load (a drawn cover refuses
 * letters its font lacks, `cover-script`, which is not what this property is about).
 */
const cover = new Uint8Array(await readFile(join(ROOT, 'test/fixtures/broken/image-valid/manuscript/chapters/01-one/dot.png')))

describe('manuscriptFiles, property: what is written loads as the same book', () => {
  it('keeps every chapter, its title, scenes and notes, and every text as it was', async () => {
    await fc.assert(
      fc.asyncProperty(book, async (generated) => {
        const imported: ImportedBook = {
          metadata: { title: generated.title, author: generated.author, language: 'en' },
          front: [],
          chapters: generated.chapters,
          back: [],
          cover: { name: 'cover.png', mediaType: 'image/png', data: cover },
          images: [],
        }
        const folder = await mkdtemp(join(tmpdir(), 'colophon-property-'))
        try {
          for (const file of manuscriptFiles(imported, new VFile({ path: 'story.md' }))) {
            await mkdir(dirname(join(folder, file.path)), { recursive: true })
            await writeFile(join(folder, file.path), file.data)
          }
          const loaded = await loadBook(folder)
          // A title of white space alone is not one: the file's name stands in (with a message).
          expect(loaded.metadata.title).toBe(visible(generated.title) ? generated.title.trim() : 'Story')
          expect(loaded.chapters).toHaveLength(generated.chapters.length)
          loaded.chapters.forEach((got, index) => {
            const want = generated.chapters[index]!
            expect(got.title).toBe(visible(want.title) ? want.title.trim() : `Chapter ${index + 1}`)
            expect(got.scenes.map((scene) => String(scene.value))).toEqual(want.scenes.map((scene) => `${trimLines(scene)}\n`))
            expect(got.headNote && String(got.headNote.value)).toBe(want.headNote && visible(want.headNote) ? `${trimLines(want.headNote)}\n` : undefined)
            expect(got.endNote && String(got.endNote.value)).toBe(want.endNote && visible(want.endNote) ? `${trimLines(want.endNote)}\n` : undefined)
          })
        } finally {
          await rm(folder, { recursive: true, force: true })
        }
      }),
      { numRuns: RUNS },
    )
  })
})
