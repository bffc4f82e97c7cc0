/** A benchmark manuscript with its titles (book.yaml, chapter.yaml), for the baseline that makes an EPUB. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { chapterFolders, chapterTexts, markdownIn, type PlainText } from './texts.ts'

export interface PlainBook {
  title: string
  author: string
  language: string
  front: PlainText[]
  chapters: Array<{ title: string; texts: PlainText[] }>
}

export async function readPlainBook(folder: string): Promise<PlainBook> {
  const meta = parse(await readFile(join(folder, 'book.yaml'), 'utf8')) as { title: string; author: string; language?: string }
  const chapters = []
  for (const name of await chapterFolders(folder)) {
    const chapter = parse(await readFile(join(folder, 'chapters', name, 'chapter.yaml'), 'utf8')) as { title: string }
    chapters.push({ title: chapter.title, texts: await chapterTexts(folder, name) })
  }
  return { title: meta.title, author: meta.author, language: meta.language ?? 'en', front: await markdownIn(folder, 'front'), chapters }
}
