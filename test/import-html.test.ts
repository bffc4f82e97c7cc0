import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toText } from 'hast-util-to-text'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'
import type { Nodes } from 'mdast'
import type { Nodes as HastNodes } from 'hast'
import { describe, expect, it } from 'vitest'
import { build, BookError } from '../src/index.ts'
import { importBytes, type ImportedBook } from '../src/import/index.ts'
import { ROOT } from './helpers/cli.ts'
import { entryText, epubcheckTs, openEpub, words } from './helpers/epub.ts'
import { writeImported } from './helpers/imported.ts'
import { isSceneBreak } from '../src/import/scene-break.ts'
import { runs } from './helpers/runs.ts'

const FIXTURES = join(ROOT, 'test/fixtures/import')
const update = process.env['UPDATE'] === '1'

/** The HTML cases: a folder with `input.html` and `expected.json`. */
const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.html')))

interface Expected {
  /** Selector for the source's story text (every word of which must be in the book); kept as written on UPDATE. */
  story?: string
  error?: string
  metadata?: ImportedBook['metadata']
  front?: Array<{ kind: string; words: number }>
  chapters?: Array<{ title: string; scenes: number; words: number; headNote?: number; endNote?: number }>
  back?: Array<{ kind: string; words: number }>
}

/** What a Markdown text reads as: escapes and character references resolved, raw HTML tags left out. */
function readText(markdown: string): string {
  const blocks: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') blocks.push(toString(node, { includeHtml: false }))
    else if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(fromMarkdown(markdown))
  return blocks.join('\n')
}

function count(markdown: string): number {
  return words(readText(markdown)).length
}

function summary(book: ImportedBook): Expected {
  return {
    metadata: book.metadata,
    front: book.front.map((page) => ({ kind: page.kind, words: count(page.markdown) })),
    chapters: book.chapters.map((chapter) => ({
      title: chapter.title,
      scenes: chapter.scenes.length,
      words: chapter.scenes.reduce((sum, scene) => sum + count(scene), 0),
      ...(chapter.headNote ? { headNote: count(chapter.headNote) } : {}),
      ...(chapter.endNote ? { endNote: count(chapter.endNote) } : {}),
    })),
    back: book.back.map((page) => ({ kind: page.kind, words: count(page.markdown) })),
  }
}

/** Every text of the book, as it reads. */
function bookText(book: ImportedBook, withMetadata = true): string {
  const texts = [
    ...(withMetadata ? [String(book.metadata['title'] ?? ''), String(book.metadata['description'] ?? '')] : []),
    ...book.front.map((page) => page.markdown),
    ...book.chapters.flatMap((chapter) => [chapter.title, chapter.headNote ?? '', ...chapter.scenes, chapter.endNote ?? '']),
    ...book.back.map((page) => page.markdown),
  ]
  return texts.map(readText).join('\n')
}

/** Every text node of a page (a `<select>`'s options too, which innerText leaves out). */
function allText(node: HastNodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => allText(child)).join(' ') : ''
}

/** Words of `a` missing from `b`, counted (a word twice in `a` must be twice in `b`). */
function missing(a: string[], b: string[]): string[] {
  const left = new Map<string, number>()
  for (const word of b) left.set(word, (left.get(word) ?? 0) + 1)
  const out: string[] = []
  for (const word of a) {
    const n = left.get(word) ?? 0
    if (n === 0) out.push(word)
    else left.set(word, n - 1)
  }
  return out
}

describe('HTML import fixtures', () => {
  for (const name of cases) {
    const folder = join(FIXTURES, name)
    const input = readFileSync(join(folder, 'input.html'))
    const expectedPath = join(folder, 'expected.json')
    const expected: Expected = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : {}

    it(`${name}: the structure and metadata found`, async () => {
      let actual: Expected
      try {
        const { format, book } = await importBytes(`${name}/input.html`, input, FIXTURES)
        expect(format).toBe('html')
        actual = { story: expected.story, ...summary(book) }
      } catch (error) {
        if (!(error instanceof BookError)) throw error
        actual = { error: error.message }
      }
      if (update) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`)
        return
      }
      expect(actual).toEqual(expected)
    })

    if (expected.error) continue

    it(`${name}: every word of the story is kept, none added`, async () => {
      const { book, file } = await importBytes(`${name}/input.html`, input, FIXTURES)
      expect(expected.story, 'expected.json names the story text with `story`').toBeTruthy()
      // Scene-break ornaments (`o0o`) become breaks, not words: each reported one is taken off the source's words.
      const ornaments = file.messages.filter((message) => message.ruleId === 'import-scene-break').flatMap((message) => words(/`(.*)`/.exec(message.reason)?.[1] ?? ''))
      const page = fromHtml(new TextDecoder().decode(input))
      // The site's own landmarks are not the author's words.
      const story = selectAll(expected.story!, page)
        .map((element) => toText(element))
        .join('\n')
        .replaceAll('Chapter Text', '')
      const source = missing(words(story), ornaments)
      expect(source.length).toBeGreaterThan(50)
      const kept = words(bookText(book))
      expect(missing(source, kept)).toEqual([])
      // And nothing the page does not hold: every word of the book's texts is on the page.
      expect(missing(words(bookText(book, false)), words(allText(page)))).toEqual([])
    })

    // Java EPUBCheck checks the same book in test/epubcheck-java.test.ts (the slow project).
    it(`${name}: builds an EPUB that passes EPUBCheck`, { timeout: 300_000 }, async () => {
      const { book } = await importBytes(`${name}/input.html`, input, FIXTURES)
      const manuscript = await writeImported(book)
      const result = await build(manuscript, { env: {}, threads: 0 })
      const ts = await epubcheckTs(result.epub)
      expect(ts.messages).toEqual([])
      expect(ts.errors + ts.warnings).toBe(0)
    })
  }

  it('a page without story text is an error naming the file', async () => {
    const page = new TextEncoder().encode('<!doctype html><title>Nothing</title><nav><a href="/">Home</a></nav>')
    const error = await importBytes('empty.html', page).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    expect(String((error as BookError).message)).toMatch(/^empty\.html:.*Unexpected page without story text/)
  })

  it('reads a page in windows-1252 that says so, and reports the encoding', async () => {
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>Caf')
    const tail = new TextEncoder().encode(' au lait, said the man.</p></body></html>')
    const bytes = new Uint8Array([...head, 0xe9, 0x20, 0x93, ...new TextEncoder().encode('strong'), 0x94, ...tail])
    const { book, file } = await importBytes('latin.html', bytes)
    expect(book.chapters[0]!.scenes[0]).toContain('Café “strong” au lait')
    expect(file.messages.map((message) => message.ruleId)).toContain('import-encoding')
  })
})

describe('raw HTML in a scene', () => {
  it('gets the typography Markdown text gets, tags and code left as typed', { timeout: 120_000 }, async () => {
    const manuscript = await writeImported({
      metadata: { title: 'Pasted', author: 'Tester', language: 'en' },
      front: [],
      chapters: [{ title: 'One', scenes: ['<div class="letter">\n<p>"Well," she said -- and stopped. "It\'s <em>late</em>..."</p>\n<p>Type <code>"as is"</code>, she wrote.</p>\n</div>\n'] }],
      back: [],
      images: [],
    })
    const result = await build(manuscript, { env: {}, threads: 0 })
    const chapter = await entryText(await openEpub(result.epub), 'EPUB/text/chapter-1.xhtml')
    expect(chapter).toContain('<p>“Well,” she said\u2060—and stopped. “It’s <em>late</em>\u2060\u200a\u2060…”</p>')
    expect(chapter).toContain('<code>"as is"</code>')
  })
})

describe('HTML import: text as written', () => {
  // Characters Markdown reads as syntax, at a paragraph's start and inside it, and the quotes and hyphens typography sets later.
  const piece = fc.constantFrom('- ', '1. ', '2) ', '# ', '> ', '+ ', '* ', '*', '_', '__', '[', ']', '(', ')', '<', '>', '\\', '`', '~', '|', '!', '&', '&amp;', '"', "'", '--', '...', '=', '#', ' ')
  const word = fc.stringMatching(/^[A-Za-z]{1,6}$/)
  const text = fc.array(fc.oneof(piece, word), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''))
  const escape = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;')

  it('reads back, from the Markdown it becomes, as the page shows it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (paragraphs) => {
        const shown = paragraphs.map((value) => value.replace(/\s+/g, ' ').trim()).filter((value) => value !== '')
        fc.pre(shown.length > 0 && shown.some((value) => words(value).length > 0))
        const html = `<!doctype html><html lang="en"><body><main>${paragraphs.map((value) => `<p>${escape(value)}</p>`).join('')}</main></body></html>`
        let imported: Awaited<ReturnType<typeof importBytes>>
        try {
          imported = await importBytes('text.html', new TextEncoder().encode(html))
        } catch (error) {
          // A page of a few words (`- x`, `to Ann`) may be read as a front page, a dedication, and then holds
          // no story: refused by name (import-empty). A page with a story's length never is.
          expect((error as BookError).messages?.[0]?.ruleId, String(error)).toBe('import-empty')
          expect(words(shown.join(' ')).length, html).toBeLessThanOrEqual(40)
          return
        }
        const { book } = imported
        const markdown = book.chapters.flatMap((chapter) => chapter.scenes).join('\n')
        const read: string[] = []
        const walk = (node: Nodes): void => {
          if (node.type === 'paragraph') read.push(toString(node).replace(/\s+/g, ' ').trim())
          else if ('children' in node) for (const child of node.children) walk(child)
          else expect(node.type, markdown).toBe('paragraph')
        }
        walk(fromMarkdown(markdown))
        // A paragraph that is all ornament (`* * *`, `~`) is a scene break, as the reader reports it.
        expect(read, markdown).toEqual(shown.filter((value) => !isSceneBreak(value)))
      }),
      { numRuns: runs(300) },
    )
  })
})

describe('HTML import: generated pages', () => {
  const word = fc.stringMatching(/^[a-z]{1,8}$/)
  const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((list) => list.join(' '))
  const scene = fc.array(paragraph, { minLength: 1, maxLength: 4 })
  const chapter = fc.record({ title: fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' ')), scenes: fc.array(scene, { minLength: 1, maxLength: 4 }) })
  const breaks = fc.constantFrom('<hr>', '<p style="text-align:center">* * *</p>', '<p>. o .</p>', '<p align="center">~*~</p>', '<div><p>o0o</p></div>')

  it('chapters at the repeated heading level and scene breaks come out as written, with every word', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chapter, { minLength: 2, maxLength: 5 }), breaks, fc.constantFrom('h1', 'h2', 'h3'), async (chapters, mark, level) => {
        const body = chapters
          .map((entry) => `<${level}>${entry.title}</${level}>\n${entry.scenes.map((paragraphs) => paragraphs.map((text) => `<p>${text}</p>`).join('\n')).join(`\n${mark}\n`)}`)
          .join('\n')
        const title = level === 'h1' ? '' : '<h1>The Book</h1>'
        const html = `<!doctype html><html lang="en"><head><title>T</title></head><body><nav><a href="/">Home</a></nav><main>${title}${body}</main></body></html>`
        const { book } = await importBytes('generated.html', new TextEncoder().encode(html))
        expect(book.chapters.map((entry) => entry.title)).toEqual(chapters.map((entry) => entry.title))
        expect(book.chapters.map((entry) => entry.scenes.length)).toEqual(chapters.map((entry) => entry.scenes.length))
        book.chapters.forEach((entry, index) => {
          expect(entry.scenes.map((text) => words(readText(text)))).toEqual(chapters[index]!.scenes.map((paragraphs) => words(paragraphs.join(' '))))
        })
      }),
      { numRuns: runs(60) },
    )
  })
})
