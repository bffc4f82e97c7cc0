import { WORD_BREAK_RUNS } from './word-break-data.ts'

/**
 * Word-break classes (UAX #29, as ICU's word rules use them) of the code
 * points the fast word counter handles. Anything else — Han, kana, Hangul,
 * the scripts ICU breaks with a dictionary (Thai, Lao, Khmer, Myanmar…),
 * unassigned code points, lone surrogates, characters in two classes — is
 * `Bail`: the text holding it is counted by `Intl.Segmenter` itself.
 *
 * Classes that never change a count are merged: white space, line breaks,
 * regional indicators and other punctuation are all `Other` (they join no
 * word); Extend and Format are one class (WB4 ignores both inside a word).
 */
export const WordClass = {
  Bail: 0,
  Other: 1,
  /** Extend or Format: ignored after any character but a line break (WB4). */
  Extend: 2,
  Zwj: 3,
  ExtendedPictographic: 4,
  ALetter: 5,
  HebrewLetter: 6,
  Numeric: 7,
  ExtendNumLet: 8,
  MidLetter: 9,
  MidNumLet: 10,
  MidNum: 11,
  SingleQuote: 12,
  DoubleQuote: 13,
  /** A high surrogate: the class is that of the code point it starts. */
  HighSurrogate: 14,
} as const

/**
 * The table covers U+0000–U+1FFFF (indexed by code point; the surrogates by
 * code unit) and then plane 14's tags and variation selectors, U+E0000–U+E0FFF
 * (indexed from `TAGS`). Every other code point is `Bail`.
 */
export const TABLE_SIZE = 0x21000
export const TAGS = 0x20000

let table: Uint8Array | undefined

/** The class table, decoded on first use from its runs (well under a millisecond) and shared after. */
export function wordClassTable(): Uint8Array {
  table ??= decodeRuns(WORD_BREAK_RUNS)
  return table
}

/** Index in the table of a code point at or above U+10000, or −1 when the table has no entry for it. */
export function astralIndex(codePoint: number): number {
  if (codePoint < 0x20000) return codePoint
  if (codePoint >= 0xe0000 && codePoint < 0xe1000) return codePoint - 0xe0000 + TAGS
  return -1
}

/** Runs as `<class><length in base 36>` joined by commas. */
export function encodeRuns(classes: Uint8Array): string {
  const runs: string[] = []
  for (let start = 0; start < classes.length; ) {
    const value = classes[start] ?? 0
    let end = start + 1
    while (end < classes.length && classes[end] === value) end++
    runs.push(`${value.toString(36)}${(end - start).toString(36)}`)
    start = end
  }
  return runs.join(',')
}

export function decodeRuns(runs: string): Uint8Array {
  const classes = new Uint8Array(TABLE_SIZE)
  let start = 0
  for (const run of runs.split(',')) {
    const length = Number.parseInt(run.slice(1), 36)
    classes.fill(Number.parseInt(run.charAt(0), 36), start, start + length)
    start += length
  }
  return classes
}
