import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { ROOT } from './helpers/cli.ts'
import { readBook, runReaderTests } from './helpers/reader.ts'

/** Three scripts, three sets of rules: foliate-js shows each book's typeset text. */
const BOOKS = [
  { language: 'fr', title: 'Le Jardin', text: '- Rien, répondit-elle. "Allez !"', shown: '— Rien, répondit-elle. « Allez ! »' },
  { language: 'ru', title: 'Сад', text: '-- Привет, -- сказал он.', shown: '— Привет, — сказал он.' },
  { language: 'ja', title: '庭', text: '"こんにちは"と彼は言った.', shown: '「こんにちは」と彼は言った。' },
]

/** Spaces of every width read as one: what a reader shows is text, not which space it is. */
const spaces = (text: string): string => text.replace(/[\s\u00A0\u202F]+/g, ' ').trim()

describe.runIf(runReaderTests)('books in other languages in foliate-js (headless Chromium)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-reader-languages-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const book of BOOKS) {
    it(`${book.language}: opens with no problem and shows the typeset text`, async () => {
      const root = join(dir, book.language)
      await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
      await writeFile(join(root, 'book.yaml'), `title: ${book.title}\nauthor: A. Writer\nlanguage: ${book.language}\n`)
      await writeFile(join(root, 'chapters', '01-one', '01.md'), `${book.text}\n`)
      if (book.language === 'ja') await copyFile(join(ROOT, 'test/fixtures/books/full/cover.png'), join(root, 'cover.png'))
      const result = await build(root, { env: {}, lint: false })
      const read = await readBook(result.epub, `reader-${book.language}`, 0)
      expect(read.problems).toEqual([])
      expect(read.sections.map((section) => spaces(section.text)).join('\n')).toContain(book.shown)
    })
  }
})
