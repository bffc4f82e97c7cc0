import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { colophon, ROOT } from './helpers/cli.ts'
import { docxFromLines } from './helpers/docx.ts'
import { parseReport, STACK_TRACE, type Reported } from './helpers/report.ts'

const FIXTURES = join(ROOT, 'test/fixtures/import-places')

/** A fresh folder holding a copy of one fixture story. */
async function withStory(name: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-places-'))
  await copyFile(join(FIXTURES, name), join(folder, name))
  return folder
}

/** The 1-based line and column where `needle` first stands in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle)
  expect(at, `the fixture holds ${needle}`).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, at).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

/** The build's message whose text holds `words`. */
function messageAbout(messages: Reported[], words: string): Reported {
  const found = messages.find((message) => message.reason.includes(words))
  expect(found, `a message about ${words}`).toBeDefined()
  return found!
}

/** What a `build FILE` run says must never name the private folder's files. */
function expectNoPrivatePaths(stderr: string, name: string): void {
  expect(stderr).not.toContain(`${name}/chapters/`)
  expect(stderr).not.toContain(`${name}/front/`)
  expect(stderr).not.toMatch(/colophon-[A-Za-z0-9]{6}\//)
  expect(stderr).not.toMatch(STACK_TRACE)
}

describe('colophon build FILE names the story file and the place in it', () => {
  it('puts a Markdown story\'s lint and sanitiser warnings at their lines and columns, past the front matter', async () => {
    const folder = await withStory('story.md')
    const source = await readFile(join(folder, 'story.md'), 'utf8')
    const run = await colophon(['build', 'story.md', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expectNoPrivatePaths(run.stderr, 'story.md')
    const messages = parseReport(run.stderr)
    const repeated = messageAbout(messages, 'repeated word `was was`')
    // The lint points at the second word: the place is the source's to the column.
    expect(repeated).toMatchObject({ file: 'story.md', ...placeOf(source, 'was cold') })
    const script = messageAbout(messages, '`<script>` element')
    expect(script).toMatchObject({ file: 'story.md', ...placeOf(source, '<script>') })
    const spaces = messageAbout(messages, '2 spaces between words')
    expect(spaces).toMatchObject({ file: 'story.md', ...placeOf(source, '  slept') })
    expect(messages.every((message) => message.file === 'story.md')).toBe(true)
  })

  it('puts a missing image of a Markdown story at its line, as an error naming the story file, and writes nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-places-'))
    const source = '# A Story\n\n## One\n\nThe first chapter has words in it.\n\n## Two\n\nThe map was here: ![A map of the island](map.png) and so on.\n'
    await writeFile(join(folder, 'story.md'), source)
    const run = await colophon(['build', 'story.md', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(1)
    expectNoPrivatePaths(run.stderr, 'story.md')
    const missing = messageAbout(parseReport(run.stderr), 'missing image `map.png`')
    expect(missing).toMatchObject({ file: 'story.md', severity: 'error', ...placeOf(source, '![A map') })
    expect(missing.reason).toContain('expected a file at `map.png`')
    await expect(readFile(join(folder, 'book.epub'))).rejects.toThrow()
  })

  it('puts a plain-text story\'s warnings at the source line a hard-wrapped paragraph took them from', async () => {
    const folder = await withStory('story.txt')
    const source = await readFile(join(folder, 'story.txt'), 'utf8')
    const run = await colophon(['build', 'story.txt', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expectNoPrivatePaths(run.stderr, 'story.txt')
    const messages = parseReport(run.stderr)
    // The paragraph's fourth line, though the scene file holds the paragraph on one line.
    expect(messageAbout(messages, 'repeated word `was was`')).toMatchObject({ file: 'story.txt', ...placeOf(source, 'was cold') })
    expect(messageAbout(messages, '2 spaces between words')).toMatchObject({ file: 'story.txt', ...placeOf(source, '  slept') })
  })

  it('puts an HTML story\'s warnings at the line of the element the text came from', async () => {
    const folder = await withStory('story.html')
    const source = await readFile(join(folder, 'story.html'), 'utf8')
    const run = await colophon(['build', 'story.html', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expectNoPrivatePaths(run.stderr, 'story.html')
    // The paragraph's `<p>`: HTML is rewritten as Markdown, so the place is the element's, not the word's.
    const repeated = messageAbout(parseReport(run.stderr), 'repeated word `was was`')
    expect(repeated).toMatchObject({ file: 'story.html', ...placeOf(source, '<p>The tower') })
  })

  it('names the chapter and paragraph of a DOCX story, whose text has no lines', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-places-'))
    const lines = ['[center,bold]Chapter 1', 'The ferry came in at dusk.', '', '[center,bold]Chapter 2', 'The storm broke on the third night.', 'The tower was was cold.']
    await writeFile(join(folder, 'story.docx'), await docxFromLines(lines, { title: 'The Keeper', creator: 'Maud Ellery' }))
    const run = await colophon(['build', 'story.docx', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expectNoPrivatePaths(run.stderr, 'story.docx')
    const repeated = messageAbout(parseReport(run.stderr), 'repeated word `was was`')
    expect(repeated.file).toBe('story.docx (chapter 2 "Chapter 2", paragraph 2)')
    expect(repeated.line).toBeUndefined()
  })

  it('keeps a folder build\'s messages as they were: the folder\'s own files', async () => {
    const folder = await withStory('story.md')
    const imported = await colophon(['import', 'story.md', '--out', 'book'], { cwd: folder })
    expect(imported.code, imported.stderr).toBe(0)
    const run = await colophon(['build', 'book', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    const repeated = messageAbout(parseReport(run.stderr), 'repeated word `was was`')
    expect(repeated.file).toMatch(/^book\/chapters\/01-chapter-1-arrival\/02-[a-z-]+\.md$/)
  })
})
