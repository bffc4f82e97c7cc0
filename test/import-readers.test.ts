import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BookError, build } from '../src/index.ts'
import { importBytes, type ImportedBook } from '../src/import/index.ts'
import { decodeBytes } from '../src/import/decode.ts'
import { ROOT } from './helpers/cli.ts'
import { epubcheckTs, words } from './helpers/epub.ts'
import { TEXT_CASES_BUILT, writeImported } from './helpers/imported.ts'
import { missing, storyWords } from './helpers/story-words.ts'

/**
 * The text and Markdown readers on real files: each folder under
 * test/fixtures/import/ holds one story file and `expected.json`, the
 * structure it imports to (chapters with titles and scene counts, notes,
 * front pages, metadata) or the error it gets. Regenerate with UPDATE=1
 * and review the diff.
 */
const update = process.env['UPDATE'] === '1'
const FIXTURES = join(ROOT, 'test/fixtures/import')
/** The cases this reader owns: plain text and Markdown (other readers add their own folders). */
const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).filter((name) =>
  // A folder whose one input is text or Markdown (the DOCX and EPUB cases keep the Markdown they were made from beside theirs).
  /\.(txt|md|markdown)$/.test(readdirSync(join(FIXTURES, name)).filter((file) => file !== 'expected.json').join('\n')) && readdirSync(join(FIXTURES, name)).length === 2,
)

function inputOf(name: string): string {
  return join('test/fixtures/import', name, readdirSync(join(FIXTURES, name)).find((file) => file !== 'expected.json')!)
}

function summary(book: ImportedBook) {
  const count = (markdown: string | undefined) => (markdown === undefined ? undefined : words(markdown).length)
  return {
    metadata: book.metadata,
    front: book.front.map((page) => ({ kind: page.kind, words: count(page.markdown) })),
    chapters: book.chapters.map((chapter) => ({
      title: chapter.title,
      scenes: chapter.scenes.length,
      ...(chapter.headNote ? { headNote: chapter.headNote.split('\n')[0]!.slice(0, 60) } : {}),
      ...(chapter.endNote ? { endNote: chapter.endNote.split('\n')[0]!.slice(0, 60) } : {}),
    })),
    back: book.back.map((page) => ({ kind: page.kind, words: count(page.markdown) })),
  }
}

/** Every word the book holds: page names (they become titles), titles, notes, scenes. */
function bookWords(book: ImportedBook): string[] {
  const texts = [
    ...book.front.flatMap((page) => [page.kind, page.markdown]),
    ...book.chapters.flatMap((chapter) => [chapter.title, chapter.headNote ?? '', ...chapter.scenes, chapter.endNote ?? '']),
    ...book.back.flatMap((page) => [page.kind, page.markdown]),
  ]
  return texts.flatMap((text) => words(text))
}

describe('text and Markdown import fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const input = inputOf(name)
    const bytes = readFileSync(join(ROOT, input))
    const expectedPath = join(FIXTURES, name, 'expected.json')
    let actual: unknown
    try {
      const { book, file, format } = await importBytes(input, bytes, ROOT)
      const decoded = decodeBytes(bytes)
      if ('reason' in decoded) throw new Error('decoded above')
      const story = storyWords(decoded.text, file.messages)
      const lost = missing(story, bookWords(book))
      expect(lost, `words of ${input} lost`).toEqual([])
      const added = missing(bookWords(book), [...story, ...book.front.map((page) => page.kind), ...book.back.map((page) => page.kind), ...words(String(book.metadata.title))])
      // A part's title goes before each of its chapters' titles: its words repeat, by design (docs/decisions/0013).
      const partWords = new Set(file.messages.filter((message) => message.ruleId === 'import-part').flatMap((message) => words(/`([^`]*)`/.exec(message.reason)?.[1] ?? '').map((word) => word.toLowerCase())))
      expect(added.filter((word) => !partWords.has(word.toLowerCase())), `words added to ${input}`).toEqual([])
      // What the reader said of the bytes and of the language: where it read and what it guessed.
      const said = file.messages
        .filter((message) => message.ruleId === 'import-encoding' || message.ruleId === 'import-language')
        .map((message) => `${message.line}:${message.column} ${message.reason}`)
      actual = { format, ...summary(book), said, wordsKept: `${story.length - lost.length} of ${story.length}` }
      // Java EPUBCheck checks the same books in test/epubcheck-java.test.ts (the slow project).
      if (TEXT_CASES_BUILT.has(name)) {
        const result = await build(await writeImported(book), { env: { SOURCE_DATE_EPOCH: '0' } })
        const report = await epubcheckTs(result.epub)
        expect(report.messages).toEqual([])
        expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: 0, warnings: 0 })
      }
    } catch (error) {
      if (!(error instanceof BookError)) throw error
      actual = { error: error.messages.map((message) => String(message)) }
    }
    if (update) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n')
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')))
  }, 300_000)
})

describe('the seed as it arrived', () => {
  it('imports to the hand-made manuscript/: the same disclaimer, title, scenes byte for byte and end note', async () => {
    const input = 'test/fixtures/import/seed/story.txt'
    const { book } = await importBytes(input, readFileSync(join(ROOT, input)), ROOT)
    const dir = join(ROOT, 'manuscript/chapters/01-prologue')
    const scenes = readdirSync(dir).filter((name) => /^\d\d-.*\.md$/.test(name)).sort()
    expect(book.front.map(({ kind, markdown }) => ({ kind, markdown }))).toEqual([{ kind: 'disclaimer', markdown: readFileSync(join(ROOT, 'manuscript/front/01-disclaimer.md'), 'utf8') }])
    expect(book.chapters).toHaveLength(1)
    expect(book.chapters[0]!.title).toBe('Prologue: Sequence')
    expect(book.chapters[0]!.scenes).toEqual(scenes.map((name) => readFileSync(join(dir, name), 'utf8')))
    expect(book.chapters[0]!.endNote).toBe(readFileSync(join(dir, 'end-note.md'), 'utf8'))
    expect(book.metadata).toMatchObject({ title: 'Sequence', author: 'truffles', language: 'en' })
  })
})
