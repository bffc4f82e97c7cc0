import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildBook } from './helpers/books.ts'
import { ROOT } from './helpers/cli.ts'
import { entryText, epubcheckTs } from './helpers/epub.ts'

/** Java EPUBCheck checks this book in test/epubcheck-java.test.ts (the slow project). */
const BOOK = join(ROOT, 'test/fixtures/books/head-note')

describe('head-note.md: the author’s note before a chapter’s text', () => {
  it('is set after the heading and before the first scene, as a labelled aside, its footnote numbered first', async () => {
    const { zip } = await buildBook(BOOK)
    const chapter = await entryText(zip, 'EPUB/text/chapter-1.xhtml')
    const heading = chapter.indexOf('<h2 id="chapter-1-title">')
    const head = chapter.indexOf('<aside id="chapter-1-head-note" class="head-note" aria-label="Author’s Note Before the Chapter">')
    const scene = chapter.indexOf('The ferry came in late')
    const end = chapter.indexOf('<aside id="chapter-1-note" class="end-note" aria-label="Author’s Note">')
    expect(heading).toBeGreaterThan(0)
    expect(head).toBeGreaterThan(heading)
    expect(scene).toBeGreaterThan(head)
    expect(end).toBeGreaterThan(scene)
    // Typography runs on it as on any text; its footnote is the chapter's first.
    expect(chapter).toMatch(/<aside id="chapter-1-head-note"[^>]*>\s*<p>Thanks to everyone who asked for this one\. It starts slow, “I promise” it picks up\.<a [^>]*href="#chapter-1-note-1"/)
    // A chapter with a head note and no end note.
    const second = await entryText(zip, 'EPUB/text/chapter-2.xhtml')
    expect(second).toMatch(/<aside id="chapter-2-head-note" class="head-note"[^>]*>\s*<p>A short one this week\u2060—work has been busy\.<\/p>/)
    expect(second).not.toMatch(/class="end-note"/)
  })

  it('is not a scene: no scene break comes between it and the text', async () => {
    const { zip } = await buildBook(BOOK)
    const chapter = await entryText(zip, 'EPUB/text/chapter-1.xhtml')
    // Two scenes, one break.
    expect(chapter.match(/class="scene-break"/g)).toHaveLength(1)
  })

  it('builds a book that passes epubcheck-ts with no error or warning', async () => {
    const { result } = await buildBook(BOOK)
    const ts = await epubcheckTs(result.epub)
    expect(ts.messages).toEqual([])
    expect(ts.errors + ts.warnings).toBe(0)
  })
})
