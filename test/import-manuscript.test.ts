import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { loadBook } from '../src/load/index.ts'
import { manuscriptFiles, type ManuscriptFile } from '../src/import/manuscript.ts'
import { archiveWork, PNG } from './helpers/archive-work.ts'
import { epubcheckTs } from './helpers/epub.ts'

async function writeOut(files: ManuscriptFile[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-manuscript-'))
  for (const file of files) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true })
    await writeFile(join(folder, file.path), file.data)
  }
  return folder
}

const text = (files: ManuscriptFile[], path: string): string => {
  const file = files.find((entry) => entry.path === path)
  if (!file) throw new Error(`no ${path} among ${files.map((entry) => entry.path).join(', ')}`)
  return String(file.data)
}

describe('manuscriptFiles: an imported book as a manuscript folder', () => {
  it('lays the book out as the README documents: book.yaml, front/, chapters/ with their notes, back/, images/', () => {
    const files = manuscriptFiles(archiveWork, new VFile({ path: 'work.html' }))
    expect(files.map((file) => file.path)).toEqual([
      'book.yaml',
      'front/01-disclaimer.md',
      'chapters/01-one/chapter.yaml',
      'chapters/01-one/head-note.md',
      'chapters/01-one/01-the-ferry-came-in.md',
      'chapters/01-one/02-she-climbed-the-tower.md',
      'chapters/01-one/end-note.md',
      'chapters/02-two/chapter.yaml',
      'chapters/02-two/01-the-storm-broke.md',
      'chapters/03-chapter-3/chapter.yaml',
      'chapters/03-chapter-3/01-a-chapter-of-notes.md',
      'back/01-afterword.md',
      'images/tower.png',
    ])
    // An image named from the root is found from the scene's folder.
    expect(text(files, 'chapters/01-one/02-she-climbed-the-tower.md')).toBe('She climbed the tower.\n\n![A lighthouse at dusk](../../images/tower.png)\n')
    expect(text(files, 'chapters/01-one/head-note.md')).toBe('This is my first work here! Be kind.\n')
  })

  it('keeps in book.yaml the keys colophon reads and, as comments with a warning, those it does not', () => {
    const file = new VFile({ path: 'work.html' })
    const yaml = text(manuscriptFiles(archiveWork, file), 'book.yaml')
    expect(yaml).toMatch(/^# Imported by colophon from work\.html\./)
    expect(yaml).toMatch(/^title: Salt and Lamplight\nauthor: quietharbour\nlanguage: en\ndate: 2019-04-02\n/m)
    expect(yaml).toMatch(/^rating: Teen And Up Audiences$/m)
    expect(yaml).toMatch(/^# words: about two thousand$/m)
    expect(yaml).toMatch(/^# published: 2019-04-02$/m)
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Unexpected `words` (a value colophon does not read there), expected the keys and forms of book.yaml; kept in book.yaml as a comment',
      'Unexpected `published` (a key colophon does not know), expected the keys and forms of book.yaml; kept in book.yaml as a comment',
    ])
  })

  it('fills in a title, author and language the source lacks, each with a message', () => {
    const file = new VFile({ path: 'my-story.txt' })
    const yaml = text(manuscriptFiles({ metadata: {}, front: [], chapters: [{ title: 'One', scenes: ['Text.\n'] }], back: [], images: [] }, file), 'book.yaml')
    expect(yaml).toMatch(/^title: My story\nauthor: Unknown\nlanguage: und\n/m)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['import-title', 'import-author', 'import-language'])
    expect(file.messages.every((message) => message.fatal === undefined)).toBe(true)
  })

  it('numbers with as many digits as the count needs, so the order holds past 99', () => {
    const chapters = Array.from({ length: 120 }, (_, index) => ({ title: `Chapter ${index + 1}`, scenes: ['Text.\n'] }))
    const paths = manuscriptFiles({ metadata: {}, front: [], chapters, back: [], images: [] }, new VFile({ path: 'long.txt' })).map((file) => file.path)
    expect(paths).toContain('chapters/001-chapter-1/01-text.md')
    expect(paths).toContain('chapters/120-chapter-120/chapter.yaml')
  })

  it('writes a PNG or JPEG cover as cover.*, and keeps another kind as an image with a warning', () => {
    const png = manuscriptFiles({ ...archiveWork, cover: { name: 'cover.png', mediaType: 'image/png', data: PNG } }, new VFile({ path: 'a.epub' }))
    expect(png.map((file) => file.path)).toContain('cover.png')
    const file = new VFile({ path: 'a.epub' })
    const gif = manuscriptFiles({ ...archiveWork, cover: { name: 'cover.gif', mediaType: 'image/gif', data: new Uint8Array([0x47, 0x49, 0x46]) } }, file)
    expect(gif.map((entry) => entry.path)).toContain('images/cover.gif')
    expect(gif.map((entry) => entry.path).filter((path) => path.startsWith('cover.'))).toEqual([])
    expect(file.messages.some((message) => message.ruleId === 'import-cover' && message.fatal === false)).toBe(true)
  })

  it('loads as a book and builds into a valid EPUB, the notes in place', async () => {
    const folder = await writeOut(manuscriptFiles(archiveWork, new VFile({ path: 'work.html' })))
    const book = await loadBook(folder)
    expect(book.chapters.map((chapter) => [chapter.title, chapter.scenes.length, Boolean(chapter.headNote), Boolean(chapter.endNote)])).toEqual([
      ['One', 2, true, true],
      ['Two', 1, false, false],
      ['Chapter 3', 1, false, false],
    ])
    const result = await build(folder, { env: {} })
    const ts = await epubcheckTs(result.epub)
    expect(ts.messages).toEqual([])
    // Java EPUBCheck checks the same book in test/epubcheck-java.test.ts (the slow project).
  })
})
