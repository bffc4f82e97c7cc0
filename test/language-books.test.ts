import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { ROOT } from './helpers/cli.ts'
import { entryText, epubcheckJava, epubcheckTs, hasJavaEpubcheck, openEpub } from './helpers/epub.ts'

/**
 * A small book in each language the typography knows: a title, a chapter
 * of dialogue typed the way its writers type it, and what the chapter must
 * hold once set. Each builds with no EPUBCheck error or warning.
 */
const BOOKS: Array<{ language: string; title: string; text: string; expect: string[] }> = [
  { language: 'fr', title: '\'Le "Jardin" : histoire !\'', text: '- Rien, répondit-elle.\n\n"Allez-vous-en !" cria M. Dupont à 20 h 30.', expect: ['—\u00A0Rien', '«\u202FAllez-vous-en\u202F!\u202F»', 'M.\u00A0Dupont'] },
  { language: 'fr-CH', title: 'Le Lac', text: '"Tu viens?" demanda Léa: "il pleut".', expect: ['«\u202FTu viens\u202F?\u202F»', 'Léa\u202F:'] },
  { language: 'de', title: 'Der Garten', text: '"Wie geht\'s?", fragte er - leise.', expect: ['„Wie geht’s?“', 'er – leise'] },
  { language: 'de-CH', title: 'Der See', text: '"Komm her", sagte sie.', expect: ['«Komm her»'] },
  { language: 'es', title: 'El jardín', text: '--Espera --dijo Marta--, ya voy.\n\n"No vuelvas".', expect: ['—Espera —dijo Marta—, ya voy.', '«No vuelvas»'] },
  { language: 'it', title: 'Il giardino', text: '"Dell\'anno scorso", disse - piano.', expect: ['«Dell’anno scorso»', 'disse – piano'] },
  { language: 'pt-BR', title: 'O jardim', text: '- Vamos -- disse ele -- agora.', expect: ['— Vamos — disse ele — agora.'] },
  { language: 'pt-PT', title: 'O jardim', text: '"Ele disse \'não\'."', expect: ['«Ele disse “não”.»'] },
  { language: 'ru', title: 'Сад и «Дом»', text: '-- Привет, -- сказал он.\n\nД\'Артаньян жил в доме.', expect: ['— Привет,\u00A0— сказал он.', 'Д’Артаньян', 'в\u00A0доме'] },
  { language: 'pl', title: 'Ogród', text: '- Cześć - powiedział. "Idę w las".', expect: ['— Cześć\u00A0— powiedział.', '„Idę w\u00A0las”'] },
  { language: 'nl', title: 'De tuin', text: '"Het was \'s avonds," zei hij.', expect: ['“Het was ’s avonds,”'] },
  { language: 'sv', title: 'Trädgården', text: '- Kom hit, sa hon. "Nej."', expect: ['– Kom hit, sa hon.', '”Nej.”'] },
  { language: 'cs', title: 'Zahrada', text: '"Pojď sem," řekla a šla k řece.', expect: ['„Pojď sem,“', 'a\u00A0šla k\u00A0řece'] },
  { language: 'ja', title: '庭', text: '"こんにちは"と彼は言った.そうか--わかった...', expect: ['「こんにちは」と彼は言った。', '——', '……'] },
  { language: 'zh', title: '花园', text: '他说:"你好",然后走了...', expect: ['他说：“你好”，然后走了……'] },
  { language: 'zh-Hant', title: '花園', text: '他說:"你好".', expect: ['他說：「你好」。'] },
  { language: 'en-GB', title: 'The Garden', text: '\'Come here,\' she said. \'D--n it!\'', expect: ['‘Come here,’ she said.', 'D\u2060⸺\u2060n'] },
]

const JAVA_CHECKED = new Set(['fr', 'ru', 'ja'])

describe('a book in each language', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-languages-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const book of BOOKS) {
    it(`${book.language}: builds, sets its text by its rules, and passes EPUBCheck`, async () => {
      const root = join(dir, book.language)
      await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
      await writeFile(join(root, 'book.yaml'), `title: ${book.title}\nauthor: A. Writer\nlanguage: ${book.language}\n`)
      await writeFile(join(root, 'chapters', '01-one', '01.md'), `${book.text}\n`)
      await writeFile(join(root, 'chapters', '01-one', '02.md'), `${book.text}\n`)
      // The drawn cover's font has no Chinese or Japanese letters (test/cover-scripts.test.ts): such a book gives its own.
      if (/^(ja|zh)/.test(book.language)) await copyFile(join(ROOT, 'test/fixtures/books/full/cover.png'), join(root, 'cover.png'))
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
      // Java EPUBCheck is slow on a shared machine: three scripts (Latin, Cyrillic, CJK) stand for the rest.
      if (hasJavaEpubcheck && JAVA_CHECKED.has(book.language)) {
        const java = await epubcheckJava(result.epub)
        expect(java.messages).toEqual([])
      }
    })
  }
})
