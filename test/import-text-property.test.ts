import fc from 'fast-check'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { BookError } from '../src/errors.ts'
import { escapeMarkdown } from '../src/import/escape-markdown.ts'
import { readText } from '../src/import/readers/text.ts'
import { readMarkdown } from '../src/import/readers/markdown.ts'
import { words } from './helpers/epub.ts'
import { runs } from './helpers/runs.ts'

/**
 * Generated stories with a known structure: chapters under headings of the
 * shapes writers type, scenes split by the markers they use, paragraphs
 * with the characters Markdown reads as syntax. The readers must find
 * exactly that structure and keep every word.
 */
const RUNS = Number(process.env['RUNS'] ?? runs(100))

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']
const NAMES = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve']
const heading = (shape: number, n: number): string =>
  [`Chapter ${n + 1}`, `CHAPTER ${ROMAN[n]}`, `Chapter ${NAMES[n]}`, `Chapter ${n + 1}: The Affair of Number ${NAMES[n]}`][shape]!
const BREAKS = ['* * *', '***', '. o .', 'o0o', 'oOo', 'xXx', '~*~', '#', '###', '+++', '§', '---', '__________', '~~~~~']

/** A word, sometimes with what Markdown would read as syntax around it. */
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('lamp', 'sea', 'Agnes', 'door', 'wind', 'salt', 'grey', 'forty-one', "don't", 'café', 'naïve', 'x2') },
  { weight: 1, arbitrary: fc.constantFrom('*', '_', '<b>', '[note]', '`code`', '&amp;', 'a\\b', '2*3', 'snake_case', '<', '&', '>', '#tag') },
)
/** A paragraph: words, starting sometimes as a list item, a heading or a quote would. */
const paragraph = fc
  .tuple(fc.constantFrom('', '', '', '- ', '+ ', '1. ', '# ', '> ', '"', '- "'), fc.array(word, { minLength: 3, maxLength: 14 }))
  .map(([start, body]) => `${start}${body.join(' ')}.`)
const scene = fc.array(paragraph, { minLength: 1, maxLength: 3 })
const chapter = fc.array(scene, { minLength: 1, maxLength: 4 })

interface Story {
  chapters: string[][][]
  shape: number
  breaks: number[]
  /** Hard-wrap paragraphs at this width, as Gutenberg's texts are (0: one line each). */
  wrap: number
}

const story: fc.Arbitrary<Story> = fc.record({
  chapters: fc.array(chapter, { minLength: 1, maxLength: 6 }),
  shape: fc.integer({ min: 0, max: 3 }),
  breaks: fc.array(fc.integer({ min: 0, max: BREAKS.length - 1 }), { minLength: 24, maxLength: 24 }),
  wrap: fc.constantFrom(0, 0, 40, 70),
})

/** A paragraph broken at spaces into lines of at most `width` characters. */
function wrapped(para: string, width: number): string {
  if (width === 0) return para
  const lines: string[] = []
  for (const piece of para.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + piece.length <= width) lines[lines.length - 1] = `${last} ${piece}`
    else lines.push(piece)
  }
  return lines.join('\n')
}

function asText({ chapters, shape, breaks, wrap }: Story): string {
  let used = 0
  return chapters
    .map((scenes, n) => {
      const parts: string[] = [heading(shape, n)]
      scenes.forEach((paras, index) => {
        if (index > 0) parts.push(BREAKS[breaks[used++ % breaks.length]!]!)
        parts.push(...paras.map((para) => wrapped(para, wrap)))
      })
      return parts.join('\n\n')
    })
    .join('\n\n\n')
}

/** A scene's Markdown as the text it renders: its paragraphs' plain text. */
function rendered(markdown: string): string[] {
  return fromMarkdown(markdown).children.map((node) => toString(node))
}

describe('generated plain-text stories', () => {
  it('import to exactly their chapters and scenes, every paragraph reading as typed', async () => {
    await fc.assert(
      fc.asyncProperty(story, async (generated) => {
        const text = asText(generated)
        const file = new VFile({ path: 'story.txt', value: new TextEncoder().encode(text) })
        const book = await readText(file)
        expect(book.chapters.map((item) => item.title)).toEqual(generated.chapters.map((_, n) => heading(generated.shape, n)))
        expect(book.chapters.map((item) => item.scenes.length)).toEqual(generated.chapters.map((scenes) => scenes.length))
        book.chapters.forEach((item, n) => {
          item.scenes.forEach((markdown, s) => {
            const typed = generated.chapters[n]![s]!
            // Emphasis aside (`_x_` becomes italics), each paragraph renders as the words typed.
            expect(rendered(markdown).map((para) => words(para))).toEqual(typed.map((para) => words(para)))
            expect(rendered(markdown).length).toBe(typed.length)
          })
        })
      }),
      { numRuns: RUNS },
    )
  }, 300_000)

  it('as Markdown with front matter, import to the same structure', async () => {
    await fc.assert(
      fc.asyncProperty(story, async (generated) => {
        const chapters = generated.chapters.map((scenes, n) =>
          [`## Chapter ${n + 1}`, scenes.map((paras) => paras.map((para) => escapeMarkdown(para)).join('\n\n')).join('\n\n* * *\n\n')].join('\n\n'),
        )
        const text = `---\ntitle: Generated\nauthor: Test\nlang: en\n---\n\n# Generated\n\n${chapters.join('\n\n')}\n`
        const book = await readMarkdown(new VFile({ path: 'story.md', value: new TextEncoder().encode(text) }))
        expect(book.metadata).toMatchObject({ title: 'Generated', author: 'Test', language: 'en' })
        expect(book.chapters.map((item) => item.scenes.length)).toEqual(generated.chapters.map((scenes) => scenes.length))
        const kept = book.chapters.flatMap((item) => item.scenes.flatMap((markdown) => rendered(markdown)))
        expect(kept).toEqual(generated.chapters.flat(2))
      }),
      { numRuns: RUNS },
    )
  }, 300_000)
})

describe('any text', () => {
  it('imports without an exception or a stall, into chapters that each hold text', async () => {
    const piece = fc.constantFrom('Chapter 1', 'IV.', 'Part One', 'CONTENTS', '* * *', 'o0o', 'A/N: hi', 'Disclaimer: mine', '_x_', '*', ' ', '  ', '\n', '\n\n', '\r\n', 'word', 'Ooo!', '-- Name', '"Hi."', '#', '> ', '1. ', '<b>', '&amp;', '\\', '\t')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 200 }), async (pieces) => {
        const text = pieces.join('')
        fc.pre(text.trim() !== '')
        const started = performance.now()
        const book = await readText(new VFile({ path: 'any.txt', value: new TextEncoder().encode(text) })).catch((error: unknown) => {
          // Only a text of nothing but scene breaks holds no story: a positioned error, not a crash.
          expect(error).toBeInstanceOf(BookError)
          expect(String(error)).toMatch(/^BookError: any\.txt:1:1: Unexpected text with no story in it/)
          return undefined
        })
        expect(performance.now() - started).toBeLessThan(2000)
        if (!book) return
        expect(book.chapters.length).toBeGreaterThan(0)
        for (const item of book.chapters) {
          expect(item.scenes.length).toBeGreaterThan(0)
          for (const markdown of item.scenes) expect(markdown.trim()).not.toBe('')
        }
      }),
      { numRuns: RUNS * 3 },
    )
  }, 300_000)

  it('imports hostile lines in linear time', async () => {
    for (const text of ['_a '.repeat(30000), '*'.repeat(100000), `"Hi."${' '.repeat(50000)}-- Name`, `Word${' '.repeat(50000)}`, 'a\n'.repeat(100000), '<!--'.repeat(20000)]) {
      const started = performance.now()
      await readText(new VFile({ path: 'hostile.txt', value: new TextEncoder().encode(text) }))
      expect(performance.now() - started).toBeLessThan(5000)
    }
  }, 300_000)
})

describe('escapeMarkdown', () => {
  it('renders any line of plain text back as that text', () => {
    const chars = fc.constantFrom(...'ab Z9-+*_#>`[]()<>&;\\!.=~|:"\''.split(''), '&amp;', '&#42;', '<a>', '1. ', '- ', '***', '---')
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 30 }), (parts) => {
        const line = parts.join('').trim()
        fc.pre(line !== '')
        const tree = fromMarkdown(escapeMarkdown(line))
        expect(tree.children.map((node) => node.type)).toEqual(['paragraph'])
        expect(toString(tree)).toBe(line.replace(/[ \t]+$/, ''))
      }),
      { numRuns: RUNS * 10 },
    )
  }, 300_000)
})
