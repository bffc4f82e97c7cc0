import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BookError, build } from '../src/index.ts'
import { twoDecimals } from '../src/cover/decimals.ts'
import { FORBIDDEN_XML_CHARS, hasForbiddenXmlChars } from '../src/load/xml-chars.ts'
import { charFinder } from '../src/normalise/parse/find-chars.ts'
import { saxesError } from '../src/verify/well-formed.ts'
import { epubcheckTs, openEpub } from './helpers/epub.ts'
import { runs } from './helpers/runs.ts'

/**
 * Whatever Markdown a writer brings — quotes, dashes, emphasis, raw HTML good
 * and bad, unclosed and misnested, entities, non-Latin and right-to-left
 * scripts, emoji, characters XML forbids — colophon either builds a book whose
 * every XHTML file is well-formed XML and which epubcheck-ts passes with no
 * errors and no warnings, or throws a BookError with positioned messages.
 * Never another exception. Runs: COLOPHON_PROPERTY_RUNS (default 1000, a
 * tenth in the quick loop: test/helpers/runs.ts).
 * epubcheck-ts runs on every case, or on every Nth with COLOPHON_PROPERTY_CHECK_EVERY=N.
 */
const RUNS = Number(process.env.COLOPHON_PROPERTY_RUNS ?? runs(1000))
const CHECK_EVERY = Math.max(1, Number(process.env.COLOPHON_PROPERTY_CHECK_EVERY ?? 1))

const pieces = {
  words: ['the', 'mill', 'Wait', 'no', 'said', 'I', 'o', 'x', '1984', 'rock’n’roll', 'c’est', 'naïve', 'Straße'],
  quotes: ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '"Hello," she said.', "'tis", "don't", '\'"\'', '``', "''"],
  dashes: ['-', '--', '---', ' - ', ' -- ', '—', '–', '-\n', ' -', '...', '. . .', '…'],
  emphasis: ['*', '_', '**', '__', '***', '*em*', '_em_', '**strong**', '`code`', '~~', '\\*'],
  goodHtml: ['<em>', '</em>', '<span lang="fr">', '<span class="x" dir="rtl">', '</span>', '<abbr title="a &amp; b">', '</abbr>', '<br>', '<br/>', '<hr>', '<div>', '</div>', '<p>', '</p>', '<ul><li>', '</li></ul>', '<ol start="3">', '</ol>', '<q>', '</q>', '<a href="https://example.com/?a=1&b=2">', '</a>', '<blockquote>', '</blockquote>', '<sub>', '</sub>', '<small>', '<cite>', '<i>', '</b>', '<b>'],
  badHtml: ['<script>alert(1)</script>', '<script>', '<iframe src="x">', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '<a href="data:text/html,x">', '<a href="vbscript:x">', '<a href="#nowhere">', '<style>p{}</style>', '<object data=x>', '<embed src=x>', '<form><input name=q>', '<svg><script>x</script></svg>', '<math><mi>x</mi></math>', '<em onclick="x()">', '<span style="color:red">', '<span lang="english">', '<span dir="up">', '<ol start="x">', '<table><td>cell', '<li>', '<font>', '<marquee>', '<template>', '<textarea>', '<title>', '<body>', '<html>', '<head>', '<b><i>x</b></i>', '<em><div>x</div></em>', '<p><ul><li>x</ul></p>', '<ul>loose<li>x</li></ul>', '<a><a>', '<span', '<em attr=">', '</', '<', '<!--', '-->', '<!DOCTYPE html>', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<x:y>', '<svg:rect/>', '<a href="https://ex ample.com">'],
  entities: ['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&copy;', '&#0;', '&#1;', '&#9;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#65;', '&bogus;', '&', '&amp', '&#', '&#x;'],
  scripts: ['Привет', '日本語の文章', 'ελληνικά', 'हिन्दी', '한국어', 'ภาษาไทย', 'ქართული', '中文，標點。'],
  emoji: ['😀', '👩‍👩‍👧', '🇫🇷', '❤️', '🏳️‍🌈', '\u{1F9D1}\u{1F3FD}'],
  rtl: ['שלום', 'مرحبا بالعالم', '\u200F', '\u200E', '\u202E', '\u2067', '\u2069', 'עברית "ציטוט"'],
  forbidden: ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'],
  structure: [' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '# ', '## ', '> ', '- ', '1. ', '* * *', '. o .', '```\n', '`', '[', '](', ')', '![', '\\', '    ', '|', '---\n', '===\n'],
  links: ['[x](https://example.com)', '[x](javascript:alert(1))', '[x](chapter-2.md)', '<https://example.com>', '<mailto:a@b.c>', '[x][y]\n\n[y]: https://example.com', '![alt](missing.png)', '![](missing.png)', '![remote](https://example.com/x.png)'],
}

const piece = fc.oneof(
  ...Object.values(pieces).map((list) => fc.constantFrom(...list)),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)
const markdown = fc.array(piece, { maxLength: 40 }).map((list) => list.join(''))

/** UTF-8, except that a lone surrogate is written as its CESU-8 bytes: what a broken editor saves. */
function encode(text: string): Buffer {
  const chunks: Buffer[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    chunks.push(code >= 0xd800 && code <= 0xdfff ? Buffer.from([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]) : Buffer.from(char, 'utf8'))
  }
  return Buffer.concat(chunks)
}

let root: string
let counter = 0
const tally = { books: 0, errors: 0, checked: 0 }
const rules = new Map<string, number>()

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'colophon-property-'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
  console.info(`property: ${tally.books + tally.errors} cases, ${tally.books} books (${tally.checked} through epubcheck-ts), ${tally.errors} BookErrors (${[...rules].map(([rule, count]) => `${rule} ${count}`).join(', ')})`)
})

describe('any Markdown', () => {
  it(`makes a valid book or a positioned BookError, never a crash (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(markdown, markdown, markdown, async (scene, page, title) => {
        const folder = join(root, String(++counter))
        await mkdir(join(folder, 'chapters/01-one'), { recursive: true })
        await mkdir(join(folder, 'front'))
        // JSON strings are YAML double-quoted scalars: any title, escapes and all.
        await writeFile(join(folder, 'book.yaml'), `title: ${JSON.stringify(`T ${title}`)}\nauthor: Fast Check\nlanguage: en\n`)
        await writeFile(join(folder, 'chapters/01-one/01-fixed.md'), 'A fixed scene.\n')
        await writeFile(join(folder, 'chapters/01-one/02-generated.md'), encode(scene))
        await writeFile(join(folder, 'front/01-generated page.md'), encode(page))
        await writeFile(join(folder, 'chapters/01-one/chapter.yaml'), `title: ${JSON.stringify(`C ${title}`)}\n`)
        let epub: Uint8Array
        try {
          epub = (await build(folder, { env: {}, cwd: folder })).epub
        } catch (error) {
          if (!(error instanceof BookError)) throw error
          expect(error.messages.length).toBeGreaterThan(0)
          for (const message of error.messages) {
            expect(message.file, String(message)).toMatch(/\.(md|yaml)$/)
            expect(message.line, String(message)).toBeGreaterThan(0)
            expect(message.column, String(message)).toBeGreaterThan(0)
          }
          tally.errors++
          for (const message of error.messages) rules.set(String(message.ruleId), (rules.get(String(message.ruleId)) ?? 0) + 1)
          return
        } finally {
          await rm(folder, { recursive: true, force: true })
        }
        tally.books++
        const zip = await openEpub(epub)
        for (const name of Object.keys(zip.files).filter((entry) => /\.(xhtml|opf|ncx|xml|svg)$/.test(entry))) {
          expect(saxesError(await (zip.file(name)?.async('string') ?? '')), name).toBeUndefined()
        }
        if (counter % CHECK_EVERY === 0) {
          tally.checked++
          const report = await epubcheckTs(epub)
          expect(report.messages).toEqual([])
        }
      }),
      { numRuns: RUNS },
    )
  }, 3_600_000)
})

describe('the forbidden-character test', () => {
  it('finds what the full pattern (with its look-arounds) finds, in any text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces.forbidden, ...pieces.emoji, ...pieces.scripts, '\uD83D', '\uDE00', 'a'), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 20 }).map((list) => list.join(''))
    fc.assert(
      fc.property(text, (value) => {
        FORBIDDEN_XML_CHARS.lastIndex = 0
        expect(hasForbiddenXmlChars(value)).toBe(FORBIDDEN_XML_CHARS.test(value))
      }),
      { numRuns: runs(20_000) },
    )
  })
})

describe('the character finder', () => {
  it('finds every one of its characters, in order, whatever offsets it is asked from', () => {
    const alphabet = ['a', ' ', '*', '_', '“', '”', '‘', '’', '😀', '\n']
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((list) => list.join(''))
    const sought = fc.subarray(['*', '_', '“', '”', '‘', '’', 'x'], { minLength: 1 }).map((list) => list.join(''))
    fc.assert(
      fc.property(text, sought, fc.array(fc.nat(70), { maxLength: 12 }), (value, chars, asked) => {
        const next = charFinder(value, chars)
        // Offsets in increasing order, as the parser and the lint ask them; each answer is the first at or after it.
        for (const from of [...asked].sort((a, b) => a - b)) {
          let expected = -1
          for (let at = from; at < value.length && expected < 0; at++) if (chars.includes(value[at] as string)) expected = at
          expect(next(from)).toBe(expected)
        }
      }),
      { numRuns: runs(20_000) },
    )
  })
})

describe('the cover’s coordinates', () => {
  it('are written to two decimals exactly as String(Math.round(x * 100) / 100) writes them', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: -5000, max: 5000 }),
      fc.integer({ min: -500_000, max: 500_000 }).map((hundredths) => hundredths / 100),
      fc.integer({ min: -500_000, max: 500_000 }).map((thousandths) => thousandths / 1000),
      fc.constantFrom(0, -0, 0.005, -0.005, 0.015, 1.005, -1.005, 0.1 + 0.2, 1e13, 7e13 + 0.01, 1e15, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
    )
    fc.assert(
      fc.property(value, (x) => {
        expect(twoDecimals(x)).toBe(String(Math.round(x * 100) / 100))
      }),
      { numRuns: runs(50_000) },
    )
  })
})
