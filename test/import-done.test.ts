import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toText } from 'hast-util-to-text'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../src/import/decode.ts'
import { importBytes } from '../src/import/index.ts'
import { isSceneBreak } from '../src/import/scene-break.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { bodyText, epubcheckTs, openEpub, words } from './helpers/epub.ts'
import { BUILT_THROUGH_CLI } from './helpers/imported.ts'
import { missing, storyWords } from './helpers/story-words.ts'

/**
 * Issue 18's "Done when", as a user runs it: one story file of each kind
 * built with `colophon build FILE` through the real CLI, each book checked
 * by epubcheck-ts and against its source's words and its fixture's
 * chapters; the seed's import beside the hand-made `manuscript/`;
 * `--dry-run`'s guesses. Java EPUBCheck checks the same books, built the
 * same way, in test/epubcheck-java.test.ts, and `init` and `build` from the
 * packed package are test/packed-init.test.ts's (both in the slow project).
 * The readers' own tests hold the finer structure (expected.json).
 */
const FIXTURES = join(ROOT, 'test/fixtures/import')

/** Where a case's story words are read from: the file itself, or (DOCX, EPUB) the text it was made from. */
type Source = { text: string } | { madeFrom: string } | { html: string }

interface Case {
  name: string
  input: string
  source: Source
}

const CASES: Case[] = [
  { name: 'seed', input: 'story.txt', source: { text: 'story.txt' } },
  { name: 'gutenberg-novel', input: 'novel.txt', source: { text: 'novel.txt' } },
  { name: 'pandoc-story', input: 'story.md', source: { text: 'story.md' } },
  // AO3: the work's text and its notes, which sit in `.userstuff` blocks; the rest of the page is the site's.
  { name: 'ao3-work-page', input: 'input.html', source: { html: '#chapters .userstuff, .preface .notes .userstuff, #work_endnotes .userstuff' } },
  { name: 'ffn-chapter', input: 'input.html', source: { html: '#storytext' } },
  { name: 'docx-headings', input: 'story.docx', source: { madeFrom: 'story.md' } },
  { name: 'docx-plain', input: 'story.docx', source: { madeFrom: 'story.txt' } },
  { name: 'epub-calibre', input: 'story.epub', source: { madeFrom: 'story.html' } },
]

/** A text a DOCX was made from: its words but front matter, scene-break ornaments and images' descriptions (alt text, not reading text). */
function madeFromWords(text: string): string[] {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '')
  return storyWords(body.split('\n').map((line) => (isSceneBreak(line) ? '' : line.replace(/!\[[^\]]*\]\([^)]*\)/g, ''))).join('\n'), [])
}

/** An HTML story's words: the text of its story blocks, ornaments aside. */
function htmlWords(html: string, selector: string): string[] {
  const tree = fromHtml(html)
  // AO3's "Chapter Text" landmarks are the site's words, for screen readers.
  const blocks = selectAll(selector, tree).flatMap((container) => selectAll('p, h1, h2, h3, h4, li', container)).filter((block) => !String(block.properties.className ?? '').includes('landmark'))
  return blocks.map((block) => toText(block)).filter((text) => !isSceneBreak(text, true)).flatMap((text) => words(text))
}

async function sourceWords(test: Case): Promise<string[]> {
  const folder = join(FIXTURES, test.name)
  if ('html' in test.source) return htmlWords(await readFile(join(folder, test.input), 'utf8'), test.source.html)
  if ('madeFrom' in test.source) {
    const made = await readFile(join(folder, test.source.madeFrom), 'utf8')
    if (test.source.madeFrom.endsWith('.html')) return htmlWords(made, 'body')
    // make-docx.ts's source: `#` comment lines and each paragraph's `[center,bold]` look are not text.
    const text = test.source.madeFrom.endsWith('.txt') ? made.replace(/^#.*\n/gm, '').replace(/^\[[a-z,]+\]/gm, '') : made
    return madeFromWords(text)
  }
  const bytes = await readFile(join(folder, test.input))
  const decoded = decodeBytes(bytes)
  if ('reason' in decoded) throw new Error(decoded.reason)
  const { file } = await importBytes(join(folder, test.input), bytes)
  return storyWords(decoded.text, file.messages)
}

/** The book's reading text: every XHTML document but the navigation, soft hyphens and word joiners out. */
async function bookWords(epub: Uint8Array): Promise<{ words: string[]; chapters: number }> {
  const zip = await openEpub(epub)
  const documents = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml') && !name.endsWith('nav.xhtml'))
  const texts = await Promise.all(documents.map(async (name) => bodyText(await zip.file(name)!.async('string'))))
  const text = texts.join('\n').replace(/[\u00ad\u200b\u2060]/g, '')
  return { words: words(text), chapters: documents.filter((name) => /chapter-\d+\.xhtml$/.test(name)).length }
}

const figures: string[] = []

describe('every kind of story file, built as it comes', () => {
  it('builds the cases Java EPUBCheck checks through the CLI, from the same files', () => {
    expect(CASES.map(({ name, input }) => ({ name, input }))).toEqual(BUILT_THROUGH_CLI)
  })

  it.each(CASES)('$name: `colophon build FILE` gives a valid book with its chapters and every word', async (test) => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-done-'))
    await copyFile(join(FIXTURES, test.name, test.input), join(folder, test.input))
    const run = await colophon(['build', test.input, '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    const epub = new Uint8Array(await readFile(join(folder, 'book.epub')))

    const expected = JSON.parse(await readFile(join(FIXTURES, test.name, 'expected.json'), 'utf8')) as { chapters: unknown[] }
    const book = await bookWords(epub)
    expect(book.chapters, 'chapters found against expected').toBe(expected.chapters.length)
    const story = await sourceWords(test)
    expect(story.length).toBeGreaterThan(100)
    const lost = missing(story, book.words)
    expect(lost, `words of ${test.name} lost`).toEqual([])

    const ts = await epubcheckTs(epub)
    expect(ts.messages).toEqual([])
    figures.push(`${test.name}: chapters ${book.chapters} of ${expected.chapters.length}; words kept ${story.length - lost.length} of ${story.length}; epubcheck-ts ${ts.errors}/${ts.warnings}`)
    if (figures.length === CASES.length) console.log(figures.join('\n'))
  }, 300_000)
})

describe('the seed story as it arrived', () => {
  const seed = join(FIXTURES, 'seed/story.txt')

  it('`colophon import` writes the hand-made manuscript/ again: the same texts byte for byte, its own file names, book.yaml with what the text says', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-done-'))
    const run = await colophon(['import', seed, '--out', 'book'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    const list = async (root: string): Promise<string[]> =>
      (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
        .sort()
    const ours = await list(join(ROOT, 'manuscript'))
    const imported = await list(join(folder, 'book'))
    // The same files, one for one, in the same order: the scene files named by their first words, not by hand.
    expect(imported.map((path) => path.replace(/\/\d+-[^/]*\.md$/, '/scene.md').replace(/^chapters\/01-[^/]*/, 'chapters/01'))).toEqual(
      ours.map((path) => path.replace(/\/\d+-[^/]*\.md$/, '/scene.md').replace(/^chapters\/01-[^/]*/, 'chapters/01')),
    )
    expect(imported).toContain('chapters/01-prologue-sequence/end-note.md')
    expect(imported).toContain('front/01-disclaimer.md')
    for (const [index, path] of ours.entries()) {
      if (path === 'book.yaml') continue
      expect(await readFile(join(folder, 'book', imported[index]!), 'utf8'), path).toBe(await readFile(join(ROOT, 'manuscript', path), 'utf8'))
    }
    const yaml = await readFile(join(folder, 'book/book.yaml'), 'utf8')
    expect(yaml).toMatch(/^title: Sequence$/m)
    expect(yaml).toMatch(/^author: truffles$/m)
    expect(yaml).toMatch(/^language: en$/m)
  })

  it('`colophon import --dry-run` prints every guess at its line and writes nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-done-'))
    const run = await colophon(['import', seed, '--dry-run'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/3:1\s+info\s+Chapter 1 `Prologue: Sequence`/)
    expect(run.stderr.match(/\d+:1\s+info\s+Scene break `\. o \.`/g)).toHaveLength(4)
    expect(run.stderr).toMatch(/179:1\s+info\s+Author's note: the end note of chapter 1/)
    expect(run.stderr).toMatch(/info\s+Disclaimer: a front page/)
    expect(run.stderr).toMatch(/info\s+language detected: en/)
    expect(run.stdout).toMatch(/^sequence\/chapters\/01-prologue-sequence\/end-note\.md$/m)
    expect(await readdir(folder)).toEqual([])
  })
})
