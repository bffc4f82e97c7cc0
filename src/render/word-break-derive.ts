import { TABLE_SIZE, TAGS, WordClass } from './word-break-classes.ts'

/**
 * Derives the word-break class table from the Unicode properties the
 * JavaScript engine knows (V8's are ICU's, the data `Intl.Segmenter` uses),
 * by the definitions of the Word_Break values in UAX #29. Regular expressions
 * cannot test Line_Break, so the few values defined by it are spelled out.
 * Building it takes tens of milliseconds, so the counter reads a copy
 * (word-break-data.ts); the tests check that copy against this derivation
 * and every class against `Intl.Segmenter`, and `UPDATE=1` rewrites it.
 */

/** Scripts whose words are separated by spaces and which ICU breaks by rule alone. */
const SCRIPTS = [
  'Common', 'Inherited', 'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko',
  'Samaritan', 'Mandaic', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada',
  'Malayalam', 'Sinhala', 'Tibetan', 'Georgian', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Ogham', 'Runic',
  'Coptic', 'Glagolitic', 'Tifinagh', 'Gothic', 'Old_Italic', 'Deseret', 'Adlam', 'Vai',
]

/**
 * Common and Inherited characters of East Asian text (CJK punctuation and
 * symbols, kana marks, half- and full-width forms, enclosed ideographs) are
 * left to `Intl.Segmenter`, like the scripts around them.
 */
const EAST_ASIAN: Array<[number, number]> = [
  [0x2e80, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7ff], [0xf900, 0xfaff], [0xfe10, 0xfe1f], [0xfe30, 0xfe4f],
  [0xff00, 0xffef], [0x16fe0, 0x16fff], [0x1aff0, 0x1b2ff], [0x1f200, 0x1f2ff],
]

/** Word_Break values (merged as `WordClass` says), later rules overriding earlier ones. Unlisted: `Other`. */
const RULES: Array<[number, RegExp]> = [
  [WordClass.ALetter, /[\p{Alphabetic}\u02c2-\u02c5\u02d2-\u02d7\u02de\u02df\u02e5-\u02eb\u02ed\u02ef-\u02ff\u055a-\u055c\u055e\u058a\u05f3\ua708-\ua716\ua720\ua721\ua789\ua78a\uab5b]+/gu],
  [WordClass.HebrewLetter, /(?:(?=\p{Script=Hebrew})\p{General_Category=Other_Letter})+/gu],
  [WordClass.Extend, /[\p{General_Category=Format}\p{Grapheme_Extend}\p{General_Category=Spacing_Mark}\p{Emoji_Modifier}]+/gu],
  [WordClass.Other, /\u200b+/gu],
  [WordClass.Numeric, /[\p{Nd}\u0600-\u0605\u066b\u06dd\u0890\u0891\u08e2\u{110bd}\u{110cd}]+/gu],
  [WordClass.ExtendNumLet, /[\p{General_Category=Connector_Punctuation}\u202f]+/gu],
  [WordClass.MidLetter, /[:\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a]+/gu],
  [WordClass.MidNumLet, /[.\u2018\u2019\u2024\ufe52\uff07\uff0e]+/gu],
  [WordClass.MidNum, /[,;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b]+/gu],
  [WordClass.SingleQuote, /'+/gu],
  [WordClass.DoubleQuote, /"+/gu],
  [WordClass.Zwj, /\u200d+/gu],
]

/**
 * Characters the definitions above put in another class than ICU 78 does
 * (U+00B8 CEDILLA and U+070F SYRIAC ABBREVIATION MARK are letters to it):
 * left to ICU. The test of every class against `Intl.Segmenter` finds them.
 */
const UNLIKE_ICU = /[\u00b8\u070f]+/gu

const HANDLED = new RegExp(`[${SCRIPTS.map((script) => `\\p{Script=${script}}`).join('')}]+`, 'gu')
const IDEOGRAPHIC = /\p{Ideographic}+/gu
const PICTOGRAPHIC = /\p{Extended_Pictographic}+/gu

export function deriveWordClasses(): Uint8Array {
  const classes = new Uint8Array(TABLE_SIZE)
  classes.set(derive(0, 0x10000), 0)
  classes.set(derive(0x10000, 0x10000), 0x10000)
  classes.set(derive(0xe0000, 0x1000), TAGS)
  classes.fill(WordClass.HighSurrogate, 0xd800, 0xdc00)
  return classes
}

/** Classes of `size` code points from `first`: each rule runs once over a string of them all. */
function derive(first: number, size: number): Uint8Array {
  let text = ''
  // Surrogate code points stand in as U+FFFF, a noncharacter (script Unknown, so `Bail`).
  for (let code = first; code < first + size; code++) text += String.fromCodePoint(code >= 0xd800 && code <= 0xdfff ? 0xffff : code)
  const width = first >= 0x10000 ? 2 : 1
  const runs = (rule: RegExp, each: (start: number, end: number) => void): void => {
    for (const match of text.matchAll(rule)) each(match.index / width, (match.index + match[0].length) / width)
  }
  const classes = new Uint8Array(size).fill(WordClass.Other)
  for (const [value, rule] of RULES) runs(rule, (start, end) => classes.fill(value, start, end))
  // Extended_Pictographic matters after a ZWJ (WB3c); one that is also a letter or digit is left to ICU.
  runs(PICTOGRAPHIC, (start, end) => {
    for (let index = start; index < end; index++) classes[index] = classes[index] === WordClass.Other ? WordClass.ExtendedPictographic : WordClass.Bail
  })
  const handled = new Uint8Array(size)
  runs(HANDLED, (start, end) => handled.fill(1, start, end))
  runs(IDEOGRAPHIC, (start, end) => handled.fill(0, start, end))
  runs(UNLIKE_ICU, (start, end) => handled.fill(0, start, end))
  for (const [low, high] of EAST_ASIAN) {
    if (high >= first && low < first + size) handled.fill(0, Math.max(low, first) - first, Math.min(high + 1, first + size) - first)
  }
  for (let index = 0; index < size; index++) if (handled[index] === 0) classes[index] = WordClass.Bail
  return classes
}

/** Source of word-break-data.ts for the derived table. */
export function wordBreakDataModule(runs: string): string {
  const lines: string[] = []
  let line: string[] = []
  for (const run of runs.split(',')) {
    if (line.join(',').length + run.length > 100) {
      lines.push(line.join(','))
      line = []
    }
    line.push(run)
  }
  lines.push(line.join(','))
  return [
    '// Generated from the Unicode properties of the JavaScript engine by word-break-derive.ts:',
    '// `UPDATE=1 npx vitest run test/word-count.test.ts` rewrites it. Do not edit.',
    '',
    '/** Word-break classes of U+0000–U+1FFFF and U+E0000–U+E0FFF, as runs `<class><length in base 36>`. */',
    'export const WORD_BREAK_RUNS = [',
    ...lines.map((text) => `  '${text}',`),
    "].join(',')",
    '',
  ].join('\n')
}
