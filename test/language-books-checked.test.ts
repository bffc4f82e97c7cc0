import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../src/check/types.ts'
import { build } from '../src/index.ts'
import { aceMany, epubcheckJavaMany } from './helpers/checkers.ts'
import { epubcheckTs, hasJavaEpubcheck, type CheckReport } from './helpers/epub.ts'
import { LANGUAGE_BOOKS, writeLanguageBook } from './helpers/language-books.ts'
import { hasChromium, launchBrowser, readBook, type ReadingRecord } from './helpers/reader.ts'

const inCi = process.env.CI === 'true'
const runJava = hasJavaEpubcheck || inCi
const runBrowser = hasChromium || inCi

/** Spaces of every width read as one: what a reader shows is text, not which space it is. */
const spaces = (text: string): string => text.replace(/[\s\u00A0\u202F]+/g, ' ').trim()

interface Checked {
  path: string
  bytes: Uint8Array
  buildMessages: string[]
  ts?: CheckReport
  java?: CheckReport
  ace?: Finding[]
  reader?: ReadingRecord
}

/**
 * A book in each of the 17 languages colophon typesets (test/helpers/
 * language-books.ts, with a chapter of raw HTML and an English passage),
 * built once and read by every checker a user would run: both EPUBChecks
 * with 0 errors and 0 warnings, Ace by DAISY with 0 violations of any
 * impact, and foliate-js opening each with no problem and showing its
 * typeset text. Java runs once for all books, Ace and foliate-js each in
 * one Chromium for all, so the whole costs about what three books did.
 */
describe('a book in every language, checked as a user checks it', () => {
  let dir: string
  const books = new Map<string, Checked>()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-languages-checked-'))
    for (const book of LANGUAGE_BOOKS) {
      const root = join(dir, book.language)
      await writeLanguageBook(root, book, true)
      const result = await build(root, { env: {}, lint: false })
      const path = join(dir, `${book.language}.epub`)
      await writeFile(path, result.epub)
      books.set(book.language, { path, bytes: result.epub, buildMessages: result.messages.map((message) => message.reason) })
    }
    const paths = [...books.values()].map((book) => book.path)
    // Java in its own process, beside Ace and the reader in this one.
    const java = runJava ? epubcheckJavaMany(paths) : undefined
    for (const book of books.values()) book.ts = await epubcheckTs(book.bytes)
    if (runBrowser) {
      const ace = await aceMany(paths)
      for (const book of books.values()) book.ace = ace.get(book.path)
      const browser = await launchBrowser()
      try {
        for (const [language, book] of books) book.reader = await readBook(book.bytes, `languages-${language}`, 0, [], browser)
      } finally {
        await browser.close()
      }
    }
    if (java) for (const [path, report] of await java) [...books.values()].find((book) => book.path === path)!.java = report
  }, 1_800_000) // 17 builds, Java EPUBCheck, Ace and a reader: many minutes on a busy machine

  afterAll(async () => {
    // The table a reviewer reads: what each checker said of each language.
    const rows = [...books].map(([language, book]) => {
      const said = (report: CheckReport | undefined): string => (report ? `${report.errors}/${report.warnings}` : 'not run')
      const shown = book.reader ? (book.reader.problems.length === 0 ? 'shown' : `${book.reader.problems.length} problems`) : 'not run'
      return `| ${language} | ${said(book.java)} | ${said(book.ts)} | ${book.ace ? book.ace.length : 'not run'} | ${shown} |`
    })
    console.log(['| language | EPUBCheck Java (errors/warnings) | epubcheck-ts | Ace violations | foliate-js |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'))
    await rm(dir, { recursive: true, force: true })
  })

  for (const book of LANGUAGE_BOOKS) {
    describe(book.language, () => {
      it('builds with no message', () => {
        expect(books.get(book.language)!.buildMessages).toEqual([])
      })

      it('passes epubcheck-ts with 0 errors and 0 warnings', () => {
        expect(books.get(book.language)!.ts?.messages).toEqual([])
      })

      it.runIf(runJava)('passes Java EPUBCheck with 0 errors and 0 warnings', () => {
        const java = books.get(book.language)!.java
        expect(java?.messages).toEqual([])
        expect(java?.errors).toBe(0)
        expect(java?.warnings).toBe(0)
      })

      it.runIf(runBrowser)('has 0 Ace violations of any impact', () => {
        expect(books.get(book.language)!.ace).toEqual([])
      })

      it.runIf(runBrowser)('opens in foliate-js with no problem and shows its typeset text', () => {
        const reader = books.get(book.language)!.reader!
        expect(reader.problems).toEqual([])
        const shown = reader.sections.map((section) => spaces(section.text)).join('\n')
        for (const expected of book.expect) expect(shown).toContain(spaces(expected))
        // The chapter of raw HTML: the English passage by the English rules, whatever the book's language.
        expect(shown.replace(/\u2060/g, '')).toContain('“Hello,” she said—and left.')
        expect(reader.toc.length).toBeGreaterThanOrEqual(2)
      })
    })
  }
})
