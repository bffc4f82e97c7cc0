import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Root } from 'mdast'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { countWordLike } from '../src/render/count-word-like.ts'
import { encodeRuns } from '../src/render/word-break-classes.ts'
import { WORD_BREAK_RUNS } from '../src/render/word-break-data.ts'
import { deriveWordClasses, wordBreakDataModule } from '../src/render/word-break-derive.ts'
import { countWords } from '../src/render/words.ts'
import { ROOT } from './helpers/cli.ts'
import { entryText, openEpub } from './helpers/epub.ts'
import { runs } from './helpers/runs.ts'

/**
 * The one-pass word counter gives the count of `Intl.Segmenter`'s word-like
 * segments, or hands the text to it. Runs of the property:
 * COLOPHON_WORD_RUNS (default 5000, a tenth in the quick loop:
 * test/helpers/runs.ts).
 */
const RUNS = Number(process.env.COLOPHON_WORD_RUNS ?? runs(5000))
const FIXTURE = join(ROOT, 'test/fixtures/words/tricky.json')

const segmenters = new Map<string, Intl.Segmenter>()
function segmenterCount(text: string, language = 'en'): number {
  let segmenter = segmenters.get(language)
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })))
  let count = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++
  return count
}

/** The count as it was before the one-pass counter: every piece of every block through the segmenter. */
function countedBefore(texts: string[], language: string): number {
  let count = 0
  for (const text of texts) {
    for (let start = 0; start < text.length; ) {
      const rest = text.length - start
      const space = rest > 4096 ? text.lastIndexOf(' ', start + 4096) : -1
      const end = rest <= 4096 ? text.length : space > start ? space + 1 : start + 4096
      count += segmenterCount(text.slice(start, end), language)
      start = end
    }
  }
  return count
}

/** A Markdown tree of one paragraph per text, whose plain text is the text itself. */
const tree = (texts: string[]): Root => ({
  type: 'root',
  children: texts.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
})

describe('the word-break class table', () => {
  it('is the one derived from this engine’s Unicode properties (UPDATE=1 rewrites it)', async () => {
    const runs = encodeRuns(deriveWordClasses())
    if (process.env.UPDATE) await writeFile(join(ROOT, 'src/render/word-break-data.ts'), wordBreakDataModule(runs))
    else expect(WORD_BREAK_RUNS).toBe(runs)
  })
  // Every code point it handles, against Intl.Segmenter: test/word-count-exhaustive.test.ts (the slow project).
})

describe('countWords', () => {
  let fixture: Record<string, Array<[string, string]>>
  beforeAll(async () => {
    fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as typeof fixture
  })

  it('counts the tricky cases in one pass, as Intl.Segmenter does', () => {
    for (const [why, text] of fixture['counted in one pass'] ?? []) {
      expect(countWordLike(text), why).toBeGreaterThanOrEqual(0)
      expect(countWordLike(text), why).toBe(segmenterCount(text))
      expect(countWords([tree([text])], 'en'), why).toBe(segmenterCount(text))
    }
  })

  it('leaves East Asian and South-East Asian text, emoji joined to a word and unknown characters to Intl.Segmenter', () => {
    for (const [why, text] of fixture['left to Intl.Segmenter'] ?? []) {
      expect(countWordLike(text), why).toBe(-1)
      for (const language of ['en', 'ja', 'zh', 'th']) expect(countWords([tree([text])], language), why).toBe(segmenterCount(text, language))
    }
  })

  it('leaves the POSIX locale, whose rules differ, to Intl.Segmenter', () => {
    const text = 'e.g. 3.14 a.b.c wa:b'
    expect(countWords([tree([text])], 'en-US-posix')).toBe(segmenterCount(text, 'en-US-posix'))
    expect(countWords([tree([text])], 'en-u-va-posix')).toBe(segmenterCount(text, 'en-u-va-posix'))
    expect(segmenterCount(text, 'en-US-posix')).not.toBe(segmenterCount(text, 'en'))
  })

  it('skips footnote definitions', () => {
    const root = tree(['One two three.'])
    root.children.push({ type: 'footnoteDefinition', identifier: '1', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Four five.' }] }] })
    expect(countWords([root], 'en')).toBe(segmenterCount('One two three.'))
  })

  it(`gives the count Intl.Segmenter gives, on ${RUNS} generated texts in many scripts`, () => {
    const letters = ['a', 'e', 'Z', 'é', 'ñ', 'ß', 'ø', 'ı', 'ǅ', 'e\u0301', 'n\u0303', '\u0301', '\u0308', 'ω', 'Ά', 'я', 'Ж', 'ա', 'ა', 'ب', 'ة', 'א', 'ש', 'क', 'ि', '्', 'ʼ', 'ˈ', '²']
    const words = ['the', 'mill', 'don’t', "can't", 'naïve', 'Straße', 'Привет', 'ελληνικά', 'مرحبا', 'שלום', 'हिन्दी', 'ქართული', 'e.g.', 'U.S.', '3.14', '1,000', '1984', 'a_b', '__init__']
    const separators = ["'", '’', '‘', '"', '“', '”', '«', '»', '.', ',', ':', ';', '-', '–', '—', '_', '/', '@', '#', '!', '?', '(', ')', '…', '·', '״', '׳', '،', '٫', '٬', '\u202F', '\u00A0', ' ', ' ', ' ', '\n', '\r\n', '\t']
    const invisible = ['\u2060', '\uFEFF', '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u061C', '\uFE0F', '\u{E0067}']
    const digits = ['0', '1', '7', '٣', '४', '½', 'Ⅻ', '①']
    const emoji = ['😀', '👍🏽', '👩‍👩‍👧', '🏳️‍🌈', '🇫🇷', '🇩🇪', '❤️', '©', '™', '1️⃣', '🧑🏽‍💻', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '\u{1F3FB}']
    const elsewhere = ['中文', '日本語の', 'カタカナ', 'ー', '한국어', 'ภาษาไทย', 'ລາວ', 'ខ្មែរ', '、', '。', '\uD800', 'Ⓜ', '\u0378']
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...letters) },
      { weight: 4, arbitrary: fc.constantFrom(...words) },
      { weight: 6, arbitrary: fc.constantFrom(...separators) },
      { weight: 2, arbitrary: fc.constantFrom(...invisible) },
      { weight: 2, arbitrary: fc.constantFrom(...digits) },
      { weight: 2, arbitrary: fc.constantFrom(...emoji) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    )
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))
    const rare = fc.oneof({ weight: 19, arbitrary: text }, { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom(...elsewhere), text).map((parts) => parts.join('')) })
    const language = fc.constantFrom('en', 'fr', 'de', 'he', 'ar', 'ru', 'el', 'hi', 'ja', 'th', 'en-US-posix')
    let fast = 0
    fc.assert(
      fc.property(fc.array(rare, { minLength: 1, maxLength: 3 }), language, (texts, lang) => {
        if (texts.every((each) => countWordLike(each) >= 0)) fast++
        for (const each of texts) {
          const counted = countWordLike(each)
          if (counted >= 0) expect(counted).toBe(segmenterCount(each))
        }
        expect(countWords([tree(texts)], lang)).toBe(countedBefore(texts, lang))
      }),
      { numRuns: RUNS },
    )
    // Most generated texts are counted in one pass, so the property tests that pass, not the fallback.
    expect(fast).toBeGreaterThan(RUNS * 0.6)
  }, 120_000)

  it('gives the same count on long paragraphs, cut into pieces where the segmenter was given them', () => {
    const word = fc.constantFrom('word', 'don’t', 'e.g.', '3.14', 'a_b', '—', 'Привет', '😀', '\u2060', 'x'.repeat(300), '中文')
    const long = fc.array(fc.tuple(word, fc.constantFrom(' ', '', '\n', ' ')), { minLength: 500, maxLength: 3000 }).map((parts) => parts.flat().join(''))
    fc.assert(
      fc.property(long, (text) => {
        expect(countWords([tree([text])], 'en')).toBe(countedBefore([text], 'en'))
      }),
      { numRuns: runs(40) },
    )
  }, 120_000)
})

describe('the sample book', () => {
  it('shows on its title page the count of the word-like segments of its chapters', async () => {
    const zip = await openEpub((await build(join(ROOT, 'manuscript'), { env: {} })).epub)
    const titlepage = await entryText(zip, 'EPUB/text/titlepage.xhtml')
    const shown = Number(/<dt>Words<\/dt>\s*<dd>([\d,]+)<\/dd>/.exec(titlepage)?.[1]?.replace(/,/g, ''))
    let counted = 0
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(await entryText(zip, 'EPUB/text/chapter-1.xhtml'))?.[1] ?? ''
    const text = body
      .replace(/<h2[\s\S]*?<\/h2>/g, '')
      .replace(/<section class="footnotes"[\s\S]*?<\/section>/g, '')
      .replace(/<aside[\s\S]*?<\/aside>/g, '')
      .replace(/<a [^>]*epub:type="noteref"[^>]*>\d+<\/a>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#?\w+;/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' })[entity] ?? entity)
    counted += segmenterCount(text)
    expect(counted).toBeGreaterThan(2000)
    expect(shown).toBe(counted)
  }, 120_000)
})
