import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { entryText, epubcheckTs, openEpub } from './helpers/epub.ts'
import { LANGUAGE_BOOKS, writeLanguageBook } from './helpers/language-books.ts'

describe('a book in each language', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-languages-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const book of LANGUAGE_BOOKS) {
    it(`${book.language}: builds, sets its text by its rules, and passes EPUBCheck`, async () => {
      const root = join(dir, book.language)
      await writeLanguageBook(root, book)
      const result = await build(root, { env: {}, lint: false })
      expect(result.messages.map((message) => message.reason)).toEqual([])
      const zip = await openEpub(result.epub)
      const chapter = Object.keys(zip.files).find((path) => /chapter-1\.xhtml$/.test(path))!
      const xhtml = await entryText(zip, chapter)
      for (const expected of book.expect) expect(xhtml).toContain(expected)
      expect(xhtml).toContain(`xml:lang="${book.language}"`)
      // Generated spaces and joiners never reach the OPF, the nav or a <title>.
      for (const path of Object.keys(zip.files).filter((name) => /\.(opf|ncx|xhtml)$/.test(name))) {
        const text = await entryText(zip, path)
        const plain = [...text.matchAll(/<(?:title|dc:title|a|meta)\b[^>]*>([^<]*)</g)].map((match) => match[1]).join('\n')
        expect(plain, path).not.toMatch(/[\u00A0\u202F\u2060\u200A\uFEFF]/)
      }
      const ts = await epubcheckTs(result.epub)
      expect(ts.messages).toEqual([])
      // Java EPUBCheck, Ace and foliate-js read every language's book in test/language-books-checked.test.ts (slow).
    })
  }
})
