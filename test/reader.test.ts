import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/index.ts'
import { ROOT } from './helpers/cli.ts'
import { bodyText, entryText, openEpub, words } from './helpers/epub.ts'
import { readBook, runReaderTests, type ReadingRecord } from './helpers/reader.ts'

/** The books the reading-engine test opens: the sample, and the full test book once it exists. */
const books = [
  { name: 'sample', dir: join(ROOT, 'manuscript') },
  { name: 'full', dir: join(ROOT, 'test', 'fixtures', 'books', 'full') },
].filter((book) => existsSync(join(book.dir, 'book.yaml')))

/** The TOC labels the book's own nav document gives, in order. */
function navLabels(nav: string): string[] {
  const toc = /<nav[^>]*epub:type="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(nav)?.[1] ?? ''
  return [...toc.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((match) => bodyText(`<body>${match[1]}</body>`).replace(/\s+/g, ' ').trim())
}

const normal = (text: string): string => words(text).join(' ')

describe.runIf(runReaderTests).each(books)('the $name book in foliate-js (headless Chromium)', ({ name, dir }) => {
  let result: BuildResult
  let read: ReadingRecord
  let nav: string
  let opf: string
  const xhtml = new Map<string, string>()

  beforeAll(async () => {
    result = await build(dir, { env: {} })
    const zip = await openEpub(result.epub)
    opf = await entryText(zip, 'EPUB/content.opf')
    nav = await entryText(zip, 'EPUB/nav.xhtml')
    for (const path of Object.keys(zip.files).filter((path) => path.endsWith('.xhtml'))) xhtml.set(path, await entryText(zip, path))
    read = await readBook(result.epub, `reader-${name}`)
  })

  it('opens with no console errors or warnings (no fallback to HTML parsing)', () => {
    expect(read.problems).toEqual([])
  })

  it('lists the TOC entries of the nav document', () => {
    expect(read.toc.map((entry) => entry.label)).toEqual(navLabels(nav))
    for (const chapter of result.book.chapters) {
      expect(read.toc.map((entry) => normal(entry.label))).toContain(normal(chapter.title))
    }
  })

  it('shows text at every spine section and every TOC entry', () => {
    expect(read.sections.length).toBe([...opf.matchAll(/<itemref /g)].length)
    for (const section of read.sections) expect(words(section.text).length, section.id).toBeGreaterThan(0)
    for (const [index, text] of read.tocTexts.entries()) expect(words(text).length, read.toc[index]?.label).toBeGreaterThan(0)
  })

  it('shows the cover, when the book has one: its image drawn, with its alternative text', () => {
    // The cover page: the document typed `cover`, or named so.
    const cover = [...xhtml.entries()].find(([path, text]) => /<(?:body|section)[^>]*epub:type="[^"]*\bcover\b/.test(text) || /\/cover\.xhtml$/.test(path))
    if (!cover) {
      expect(opf).not.toMatch(/properties="[^"]*cover-image/)
      return
    }
    const section = read.sections.find((candidate) => candidate.id.endsWith(cover[0]))
    expect(section, `cover section ${cover[0]}`).toBeDefined()
    const alt = /<img [^>]*alt="([^"]*)"/.exec(cover[1])?.[1] ?? ''
    expect(alt.trim()).not.toBe('')
    expect(section!.images.map((image) => image.alt)).toContain(bodyText(`<body>${alt}</body>`))
    for (const image of section!.images) expect(image.width, image.alt).toBeGreaterThan(0)
    expect(normal(section!.text)).toContain(normal(bodyText(`<body>${alt}</body>`)))
  })

  it('draws every image of every page', () => {
    for (const section of read.sections) for (const image of section.images) expect(image.width, `${section.id}: ${image.alt}`).toBeGreaterThan(0)
  })

  it('shows the title page with the title and every author', () => {
    const titlepage = read.sections.find((section) => /titlepage/.test(section.id))
    expect(titlepage, 'title page section').toBeDefined()
    expect(normal(titlepage!.text)).toContain(normal(result.book.metadata.title))
    for (const author of result.book.metadata.authors) expect(normal(titlepage!.text)).toContain(normal(author.name))
  })

  it('shows chapter 1 with its heading and opening words', () => {
    const first = result.book.chapters[0]!
    const index = read.toc.findIndex((entry) => normal(entry.label) === normal(first.title))
    const shown = normal(read.tocTexts[index] ?? '')
    const source = [...xhtml.entries()].find(([path]) => path.endsWith(`/${first.slug}.xhtml`))
    expect(source, 'chapter 1 document').toBeDefined()
    const opening = words(bodyText(source![1])).slice(0, 12).join(' ')
    expect(shown).toContain(opening)
  })
})

describe.runIf(runReaderTests)('the reading-engine harness', () => {
  it('reports foliate-js falling back to HTML parsing on a malformed XHTML file', async () => {
    const result = await build(join(ROOT, 'manuscript'), { env: {} })
    const zip = await openEpub(result.epub)
    const chapter = Object.keys(zip.files).find((path) => path.endsWith(`/${result.book.chapters[0]!.slug}.xhtml`))!
    // An unclosed <br> is fine in HTML and fatal in XHTML.
    zip.file(chapter, (await entryText(zip, chapter)).replace('</h2>', '</h2><br>'))
    const broken = await zip.generateAsync({ type: 'uint8array' })
    const read = await readBook(broken, 'reader-malformed', 0)
    expect(read.problems.join('\n')).toMatch(/console warning: .*(error|Invalid XHTML)/i)
  })
})
