import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BookError, build, checkEpub, type CheckReport } from '../src/index.ts'
import { BOOKS, buildBook, type BuiltBook } from './helpers/books.ts'
import { ROOT } from './helpers/cli.ts'
import { entryText, hasJavaEpubcheck } from './helpers/epub.ts'
import { hasChromium } from './helpers/reader.ts'

const inCi = process.env.CI === 'true'

/**
 * Why a checker cannot run on this machine (undefined: it can). Outside CI
 * its test is skipped, saying why in its title; in CI it runs, and fails
 * when the checker is missing.
 */
const missing: Record<'epubcheck' | 'ace', string | undefined> = {
  epubcheck: hasJavaEpubcheck ? undefined : 'Java EPUBCheck is not installed, `apt-get install epubcheck`',
  ace: !existsSync(join(ROOT, 'node_modules', '@daisy', 'ace-cli', 'bin', 'ace.js'))
    ? 'Ace by DAISY is not installed, `npm ci`'
    : !hasChromium && !process.env.PUPPETEER_EXECUTABLE_PATH
      ? 'Ace needs Chromium, `apt-get install chromium`'
      : undefined,
}
const skipped = (tool: keyof typeof missing): string => (missing[tool] ? ` (skipped: ${missing[tool]})` : '')

/** Every XHTML document of a book, by path. */
async function documents(book: BuiltBook): Promise<Map<string, string>> {
  const names = Object.keys(book.zip.files).filter((name) => name.endsWith('.xhtml')).sort()
  return new Map(await Promise.all(names.map(async (name) => [name, await entryText(book.zip, name)] as [string, string])))
}

/** DPUB-ARIA roles that must go with these `epub:type`s (what Ace checks). */
const ROLE_OF: Record<string, string> = {
  chapter: 'doc-chapter',
  toc: 'doc-toc',
  colophon: 'doc-colophon',
  dedication: 'doc-dedication',
  epigraph: 'doc-epigraph',
  noteref: 'doc-noteref',
  footnote: 'doc-footnote',
  subtitle: 'doc-subtitle',
}

describe.each([
  ['the sample book', BOOKS.sample],
  ['the full test book', BOOKS.full],
])('%s', (_name, folder) => {
  let book: BuiltBook
  let report: CheckReport
  beforeAll(async () => {
    book = await buildBook(folder)
    report = await checkEpub(book.path)
  }, 400_000) // Java EPUBCheck and Ace (a headless Chromium): minutes on a busy machine

  const clean = (tool: 'colophon' | 'epubcheck-ts' | 'epubcheck' | 'ace'): void => {
    const result = report.tools.find((entry) => entry.tool === tool)
    expect(result?.ran, `${tool} ran (${result?.skipped ?? ''})`).toBe(true)
    expect(result?.findings, tool).toEqual([])
  }

  it('has 0 errors and 0 warnings from colophon’s own checks and epubcheck-ts', () => {
    clean('colophon')
    clean('epubcheck-ts')
    expect(report.errors + report.warnings).toBe(0)
  })

  it.skipIf(missing.epubcheck !== undefined && !inCi)(`has 0 errors and 0 warnings from Java EPUBCheck${skipped('epubcheck')}`, () => clean('epubcheck'))

  it.skipIf(missing.ace !== undefined && !inCi)(`has 0 Ace violations of any impact${skipped('ace')}`, () => clean('ace'))

  it('declares schema.org accessibility metadata that matches its content', async () => {
    const opf = await entryText(book.zip, 'EPUB/content.opf')
    const images = [...opf.matchAll(/media-type="image\/(png|jpeg)"/g)].length
    expect(images).toBeGreaterThan(0) // the cover
    expect(opf).toContain('<meta property="schema:accessMode">textual</meta>')
    expect(opf).toContain('<meta property="schema:accessMode">visual</meta>')
    expect(opf).toContain('<meta property="schema:accessModeSufficient">textual</meta>')
    expect(opf).toContain('<meta property="schema:accessibilityFeature">alternativeText</meta>')
    expect(opf).toContain('<meta property="schema:accessibilityHazard">none</meta>')
    expect(opf).toMatch(/<meta property="schema:accessibilitySummary">[^<]{40,}<\/meta>/)
    expect(opf).toContain('<meta property="dcterms:conformsTo" id="conformance">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>')
    expect(opf).toMatch(/<meta property="a11y:certifiedBy" refines="#conformance">[^<]+<\/meta>/)
    const hasNotes = [...(await documents(book)).values()].some((xhtml) => xhtml.includes('epub:type="footnote"'))
    expect(opf.includes('<meta property="schema:accessibilityFeature">annotations</meta>')).toBe(hasNotes)
  })

  it('gives every document a title, lang and xml:lang, and every epub:type its ARIA role', async () => {
    const lang = /<dc:language>([^<]+)<\/dc:language>/.exec(await entryText(book.zip, 'EPUB/content.opf'))?.[1]
    for (const [name, document] of await documents(book)) {
      // Landmark links carry an epub:type to say where they lead, not what they are.
      const xhtml = document.replace(/<nav id="landmarks"[\s\S]*?<\/nav>/, '')
      expect(xhtml, name).toContain(`lang="${lang}" xml:lang="${lang}"`)
      expect(/<title>([^<]+)<\/title>/.exec(xhtml)?.[1]?.trim().length, name).toBeGreaterThan(2)
      for (const match of xhtml.matchAll(/<[a-z]+ ([^>]*)epub:type="([^"]+)"([^>]*)>/g)) {
        const role = ROLE_OF[match[2] ?? '']
        if (role) expect(`${match[1]}${match[3]}`, `${name}: ${match[0]}`).toContain(`role="${role}"`)
      }
    }
  })

  it('has landmarks for the cover, the title page, the contents and where the body matter starts', async () => {
    const nav = await entryText(book.zip, 'EPUB/nav.xhtml')
    const landmarks = /<nav id="landmarks"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? ''
    const types = [...landmarks.matchAll(/epub:type="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]])
    expect(types).toEqual([
      ['cover', 'text/cover.xhtml'],
      ['titlepage', 'text/titlepage.xhtml'],
      ['toc', 'nav.xhtml#toc'],
      ['bodymatter', 'text/chapter-1.xhtml'],
    ])
    expect(nav).toMatch(/<nav id="toc" class="toc" epub:type="toc" role="doc-toc"/)
  })
})

describe('the full test book’s notes, warnings and matter', () => {
  let book: BuiltBook
  beforeAll(async () => {
    book = await buildBook(BOOKS.full)
  })

  it('sets Markdown footnotes as EPUB 3 notes: a noteref, an aside footnote, a backlink to the reference', async () => {
    const chapter = await entryText(book.zip, 'EPUB/text/chapter-1.xhtml')
    const refs = [...chapter.matchAll(/<a id="([^"]+)" href="#([^"]+)" epub:type="noteref" role="doc-noteref" class="noteref">(\d+)<\/a>/g)]
    expect(refs.map((match) => match[3])).toEqual(['1', '2'])
    for (const [, refId, noteId] of refs) {
      const aside = new RegExp(`<aside id="${noteId}" epub:type="footnote" role="doc-footnote" class="footnote" aria-label="Note \\d+">([\\s\\S]*?)</aside>`).exec(chapter)
      expect(aside, noteId).not.toBeNull()
      expect(aside?.[1]).toContain(`<a href="#${refId}" role="doc-backlink" class="backlink" aria-label="Retour au texte">`)
    }
    expect(chapter).not.toContain('[^')
  })

  it('gives the content warnings their own page with a link past it to the story', async () => {
    const opf = await entryText(book.zip, 'EPUB/content.opf')
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1])
    expect(spine.slice(0, 4)).toEqual(['cover', 'titlepage', 'content-warnings', 'dedication'])
    const page = await entryText(book.zip, 'EPUB/text/content-warnings.xhtml')
    expect(page).toContain('<li>Major Character Death</li>')
    expect(page).toContain('<a href="chapter-1.xhtml">Passer à l’histoire</a>')
  })

  it('titles its pages in French and marks dedication, epigraph and colophon with their types and roles', async () => {
    const nav = await entryText(book.zip, 'EPUB/nav.xhtml')
    const labels = [...nav.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1])
    expect(labels).toEqual(['Avertissements de contenu', 'Dédicace', 'Épigraphe', 'Avertissement', 'La Barricade', 'Note de l’auteur', 'Le Jardin', 'À propos de l’auteur', 'Colophon'])
    expect(nav).toContain('<h2 id="toc-title">Table des matières</h2>')
    expect(await entryText(book.zip, 'EPUB/text/dedication.xhtml')).toContain('epub:type="dedication" role="doc-dedication"')
    expect(await entryText(book.zip, 'EPUB/text/epigraph.xhtml')).toContain('epub:type="epigraph" role="doc-epigraph"')
    const colophon = await entryText(book.zip, 'EPUB/text/colophon.xhtml')
    expect(colophon).toContain('epub:type="colophon" role="doc-colophon"')
    expect(colophon).toContain('<dd>21 mars 2024</dd>')
    expect(colophon).toMatch(/Réalisé avec colophon \d+\.\d+\.\d+\./)
  })
})

describe('an image without alt text', () => {
  it('is a book error at its line and column', async () => {
    const error = await build(join(ROOT, 'test/fixtures/books/no-alt'), { env: {} }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    const message = (error as BookError).messages.find((entry) => entry.ruleId === 'image-alt')
    expect(message?.file).toMatch(/no-alt\/chapters\/01-one\/01-scene\.md$/)
    expect([message?.line, message?.column]).toEqual([3, 1])
    expect(message?.reason).toMatch(/Unexpected image `map\.png` without alt text, expected /)
  })
})
