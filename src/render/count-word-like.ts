import { astralIndex, WordClass, wordClassTable } from './word-break-classes.ts'

const { Bail, Other, Extend, Zwj, ExtendedPictographic, ALetter, HebrewLetter, Numeric, ExtendNumLet, MidLetter, MidNum, DoubleQuote, HighSurrogate } = WordClass

/**
 * How many word-like segments `Intl.Segmenter(…, { granularity: 'word' })`
 * finds in `text.slice(start, end)`, in one pass over its code units — or −1
 * when the text holds a character or a sequence this pass does not handle
 * (see `WordClass`), which only ICU can count.
 *
 * ICU's rules (UAX #29 with rule chaining) come down to this for a count:
 * letters, digits and ExtendNumLet next to each other make one word
 * (WB5, WB8–WB10, WB13a/b), as do a letter, MidLetter/MidNumLet/quote and a
 * letter (WB6/7), a Hebrew letter, `"` and a Hebrew letter (WB7b/c), and a
 * digit, MidNum/MidNumLet/quote and a digit (WB11/12); Extend, Format and
 * ZWJ after a character belong to it (WB4); everything else ends a word. A
 * segment is word-like if it holds a letter or a digit, or two ExtendNumLet.
 *
 * Two quirks of ICU's rule chaining are followed: a word that ends with
 * ExtendNumLet, or with a Hebrew letter's `'` (WB7a), followed by Extend,
 * Format or ZWJ is not word-like (the last rule matched, WB4's, has no
 * status); and a ZWJ before an emoji (WB3c) chains the emoji onto the word
 * before it, which makes the whole not word-like — that case is left to ICU.
 */
export function countWordLike(text: string, start = 0, end = text.length): number {
  // Local constants: V8 folds them into the loop, not module-level ones (a sixth of the time).
  const { Bail, Other, Extend, Zwj, ExtendedPictographic, ALetter, HebrewLetter, Numeric, ExtendNumLet, MidLetter, MidNumLet, MidNum, SingleQuote, DoubleQuote, HighSurrogate } = WordClass
  /** What the segment being read is, so far: nothing, a lone ExtendNumLet (`_`, a word only if a word character joins it, WB13a/b), a word. */
  const NONE = 0
  const LINK = 1
  const WORD = 2
  const table = wordClassTable()
  let count = 0
  let segment = NONE
  /** Class of the last letter, digit or ExtendNumLet of the segment. */
  let last: number = Other
  /** Class of the last character that was not Extend, Format or ZWJ. */
  let base: number = Other
  let index = start
  while (index < end) {
    let value = table[text.charCodeAt(index)] as number
    let width = 1
    if (value === HighSurrogate) {
      value = astralClass(table, text, index, end)
      width = 2
    }
    switch (value) {
      case ALetter:
      case HebrewLetter:
      case Numeric:
        if (segment !== WORD) {
          count++
          segment = WORD
        }
        last = base = value
        // The rest of a run of the same class is the same word (most of a text is such runs).
        index += width
        while (index < end && table[text.charCodeAt(index)] === value) index++
        continue
      case ExtendNumLet: {
        if (segment === NONE) segment = LINK
        else if (segment === LINK) {
          count++
          segment = WORD
        }
        last = base = value
        const after = skipExtend(table, text, index + width, end, value)
        if (after < 0) return -1
        if (after > index + width && !isWordCharacter(classAt(table, text, after, end))) {
          // The word ends with ExtendNumLet and Extend: not word-like.
          if (segment === WORD) count--
          segment = NONE
        }
        index = after
        continue
      }
      case Extend:
        break
      case Zwj:
        if (base !== Other && base !== ExtendedPictographic && classAt(table, text, index + 1, end) === ExtendedPictographic) return -1
        break
      case MidLetter:
      case MidNumLet:
      case MidNum:
      case SingleQuote:
      case DoubleQuote: {
        base = value
        if (segment !== WORD) {
          segment = NONE
          break
        }
        // WB6/7, WB7b/c, WB11/12: the character joins the word only if the next one fits too.
        const after = skipExtend(table, text, index + width, end, value)
        if (after < 0) return -1
        if (!joins(last, value, classAt(table, text, after, end))) {
          // WB7a: a Hebrew letter keeps a `'` after it, and with Extend after that the word is not word-like.
          if (value === SingleQuote && last === HebrewLetter && after > index + width) count--
          segment = NONE
        }
        index = after
        continue
      }
      case Bail:
        return -1
      default:
        segment = NONE
        base = value
    }
    index += width
  }
  return count
}

function isWordCharacter(value: number): boolean {
  return value === ALetter || value === HebrewLetter || value === Numeric || value === ExtendNumLet
}

function joins(before: number, middle: number, after: number): boolean {
  const letters = (before === ALetter || before === HebrewLetter) && (after === ALetter || after === HebrewLetter)
  const digits = before === Numeric && after === Numeric
  switch (middle) {
    case MidLetter:
      return letters
    case MidNum:
      return digits
    case DoubleQuote:
      return before === HebrewLetter && after === HebrewLetter
    default:
      return letters || digits
  }
}

/** Index after the Extend, Format and ZWJ characters from `index`; −1 if a ZWJ there starts a WB3c sequence. */
function skipExtend(table: Uint8Array, text: string, index: number, end: number, base: number): number {
  while (index < end) {
    const value = classAt(table, text, index, end)
    if (value === Zwj && base !== Other && classAt(table, text, index + 1, end) === ExtendedPictographic) return -1
    if (value !== Extend && value !== Zwj) break
    const code = text.charCodeAt(index)
    index += code >= 0xd800 && code <= 0xdbff ? 2 : 1
  }
  return index
}

/** Class of the code point at `index` (`Other` at the end). */
function classAt(table: Uint8Array, text: string, index: number, end: number): number {
  if (index >= end) return Other
  const value = table[text.charCodeAt(index)] as number
  return value === HighSurrogate ? astralClass(table, text, index, end) : value
}

/** Class of the surrogate pair at `index`; `Bail` for a lone high surrogate. */
function astralClass(table: Uint8Array, text: string, index: number, end: number): number {
  if (index + 1 >= end) return Bail
  const low = text.charCodeAt(index + 1)
  if (low < 0xdc00 || low > 0xdfff) return Bail
  const at = astralIndex(((text.charCodeAt(index) - 0xd800) << 10) + (low - 0xdc00) + 0x10000)
  return at < 0 ? Bail : (table[at] as number)
}
