import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from './cli.ts'

export interface LanguageBook {
  language: string
  title: string
  /** A scene typed the way the language's writers type it. */
  text: string
  /** What the chapter must hold once set (invisible spaces included). */
  expect: string[]
}

/**
 * A small book in each language the typography knows: a title, a chapter
 * of dialogue typed the way its writers type it, and what the chapter must
 * hold once set. Each builds with no EPUBCheck error or warning.
 */
export const LANGUAGE_BOOKS: LanguageBook[] = [
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

/**
 * Write `book` as a manuscript folder at `root`: chapter one holds its
 * scene twice; with `html`, chapter two holds the scene's first paragraph
 * as raw HTML with emphasis, and an English paragraph with its own `lang`,
 * between an author's note before it and one after it.
 */
export async function writeLanguageBook(root: string, book: LanguageBook, html = false): Promise<void> {
  await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
  await writeFile(join(root, 'book.yaml'), `title: ${book.title}\nauthor: A. Writer\nlanguage: ${book.language}\n`)
  await writeFile(join(root, 'chapters', '01-one', '01.md'), `${book.text}\n`)
  await writeFile(join(root, 'chapters', '01-one', '02.md'), `${book.text}\n`)
  if (html) {
    await mkdir(join(root, 'chapters', '02-two'), { recursive: true })
    const first = book.text.split('\n\n')[0]!
    await writeFile(join(root, 'chapters', '02-two', '01.md'), `<p><em>${first}</em></p>\n\n<p lang="en">"Hello," <em>she</em> said - and left.</p>\n`)
    // The author's notes before and after the chapter: two asides named by the language's labels.
    await writeFile(join(root, 'chapters', '02-two', 'head-note.md'), `${first}\n`)
    await writeFile(join(root, 'chapters', '02-two', 'end-note.md'), `${first}\n`)
  }
  // The drawn cover's font has no Chinese or Japanese letters (test/cover-scripts.test.ts): such a book gives its own.
  if (/^(ja|zh)/.test(book.language)) await copyFile(join(ROOT, 'test/fixtures/books/full/cover.png'), join(root, 'cover.png'))
}
