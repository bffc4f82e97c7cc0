import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, targetNames, type BuildResult, type TargetOutput } from '../src/index.ts'
import { elements, parseXml, type Element } from '../src/targets/xml.ts'
import { ROOT } from './helpers/cli.ts'
import { bodyText, entryText, epubcheckJava, epubcheckTs, hasJavaEpubcheck, openEpub, words } from './helpers/epub.ts'
import { readBook, runReaderTests, type ReadingRecord } from './helpers/reader.ts'

const books = [
  { name: 'sample', dir: join(ROOT, 'manuscript') },
  { name: 'full', dir: join(ROOT, 'test', 'fixtures', 'books', 'full') },
].filter((book) => existsSync(join(book.dir, 'book.yaml')))

const SPAN = /<span class="koboSpan" id="kobo\.\d+\.\d+">/g

/** Non-blank text in a body that is not inside a koboSpan (what Kobo could not highlight). */
function textOutsideSpans(xhtml: string): string[] {
  const outside: string[] = []
  const walk = (element: Element, inSpan: boolean): void => {
    for (const child of element.children) {
      if (child.type === 'text' && !inSpan && child.value.trim()) outside.push(child.value.trim())
      if (child.type === 'element' && !['svg', 'math', 'script', 'style'].includes(child.name)) {
        walk(child, inSpan || child.attributes.class === 'koboSpan')
      }
    }
  }
  const body = [...elements(parseXml(xhtml))].find(({ element }) => element.name === 'body')
  if (body) walk(body.element, false)
  return outside
}

describe.each(books)('every target of the $name book', ({ name, dir }) => {
  let result: BuildResult
  let again: BuildResult
  const output = (target: string): TargetOutput => result.outputs.find((candidate) => candidate.target === target)!

  beforeAll(async () => {
    result = await build(dir, { env: {}, targets: targetNames })
    again = await build(dir, { env: {}, targets: targetNames })
  })

  it('makes one EPUB per target, named for the device', () => {
    const slug = result.fileName.replace(/\.epub$/, '')
    expect(result.outputs.map((entry) => entry.fileName)).toEqual([`${slug}.epub`, `${slug}.kepub.epub`, `${slug}.kindle.epub`, `${slug}.apple.epub`])
  })

  it.each(targetNames)('%s passes epubcheck-ts with no errors and no warnings', async (target) => {
    const report = await epubcheckTs(output(target).epub)
    expect(report.messages).toEqual([])
    expect(report.errors + report.warnings).toBe(0)
  })

  it.runIf(hasJavaEpubcheck || process.env.CI === 'true').each(targetNames)('%s passes Java EPUBCheck with no errors and no warnings', async (target) => {
    const report = await epubcheckJava(output(target).epub)
    expect(report.messages).toEqual([])
    expect(report.errors + report.warnings).toBe(0)
  })

  it.each(targetNames)('%s is byte-identical when built again', (target) => {
    const second = again.outputs.find((candidate) => candidate.target === target)!
    expect(Buffer.from(second.epub).equals(Buffer.from(output(target).epub))).toBe(true)
  })

  it('kobo: every sentence of every page but the nav is in a koboSpan, with unique ids, and no soft hyphen is left', async () => {
    const zip = await openEpub(output('kobo').epub)
    const pages = Object.keys(zip.files).filter((path) => path.endsWith('.xhtml') && !path.endsWith('nav.xhtml'))
    for (const path of pages) {
      const xhtml = await entryText(zip, path)
      expect(xhtml, path).toMatch(/<div id="book-columns"><div id="book-inner">/)
      expect(textOutsideSpans(xhtml), path).toEqual([])
      const ids = [...xhtml.matchAll(/id="(kobo\.\d+\.\d+)"/g)].map((match) => match[1])
      expect(new Set(ids).size, path).toBe(ids.length)
      expect(xhtml, path).not.toMatch(/\u00AD|&shy;/)
      expect(xhtml, path).toMatch(/href="\.\.\/css\/kobo\.css"/)
    }
    expect(await entryText(zip, 'EPUB/css/kobo.css')).toMatch(/color: inherit/)
  })

  it('kobo: keeps every word of the generic EPUB', async () => {
    const generic = await openEpub(output('epub').epub)
    const kobo = await openEpub(output('kobo').epub)
    for (const path of Object.keys(generic.files).filter((entry) => entry.endsWith('.xhtml'))) {
      // Character references differ (`&amp;` against `&#x26;`): compare the decoded words.
      const strip = (xhtml: string): string[] =>
        words(
          bodyText(xhtml.replace(/\u00AD/g, ''))
            .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
            .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal))),
        )
      expect(strip(await entryText(kobo, path)), path).toEqual(strip(await entryText(generic, path)))
    }
  })

  it('kindle: passes the preflight and is the generic EPUB', () => {
    expect(Buffer.from(output('kindle').epub).equals(Buffer.from(output('epub').epub))).toBe(true)
  })

  it('apple: has the display options and a start landmark and guide at the first body page', async () => {
    const zip = await openEpub(output('apple').epub)
    expect(await entryText(zip, 'META-INF/com.apple.ibooks.display-options.xml')).toMatch(/<option name="specified-fonts">true<\/option>/)
    const nav = await entryText(zip, 'EPUB/nav.xhtml')
    const start = /<a epub:type="bodymatter" href="([^"]+)"/.exec(nav)?.[1]
    expect(start).toBeDefined()
    const references = [...(await entryText(zip, 'EPUB/content.opf')).matchAll(/<reference type="text"[^>]* href="([^"]+)"/g)].map((match) => match[1])
    expect(references).toEqual([start])
  })

  describe.runIf(runReaderTests)('in foliate-js', () => {
    let generic: ReadingRecord | undefined
    it.each(targetNames)('%s opens with its TOC, text on every page and no console problems', async (target) => {
      // targetNames starts with epub: the others are compared with it.
      generic ??= await readBook(output('epub').epub, `targets-${name}-epub`, 0)
      const read = target === 'epub' ? generic : await readBook(output(target).epub, `targets-${name}-${target}`, 1, ['span.koboSpan'])
      expect(read.problems).toEqual([])
      expect(read.toc).toEqual(generic.toc)
      for (const section of read.sections) expect(words(section.text).length, section.id).toBeGreaterThan(0)
      expect(read.sections.map((section) => words(section.text))).toEqual(generic.sections.map((section) => words(section.text)))
    })

    it('the kepub opens with its spans intact', async () => {
      const zip = await openEpub(output('kobo').epub)
      const read = await readBook(output('kobo').epub, `targets-${name}-kobo-spans`, 0, ['span.koboSpan'])
      const spine = [...(await entryText(zip, 'EPUB/content.opf')).matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1])
      const manifest = new Map([...(await entryText(zip, 'EPUB/content.opf')).matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]]))
      for (const [index, id] of spine.entries()) {
        const xhtml = await entryText(zip, `EPUB/${manifest.get(id!)}`)
        expect(read.counts[index]?.['span.koboSpan'], id).toBe([...xhtml.matchAll(SPAN)].length)
      }
      expect(read.counts.some((count) => (count['span.koboSpan'] ?? 0) > 0)).toBe(true)
    })
  })
})
