import { OPAQUE } from '../chars.ts'
import type { Rule } from '../rule.ts'
import { ELISIONS } from './elisions.ts'
import { hasStraightPartner, wordAfter } from './quote-partner.ts'

type Kind = 'edge' | 'space' | 'opener' | 'dash' | 'digit' | 'word' | 'punct'

const SPACE = /\s/
const LETTER = /[\p{L}\p{M}]/u
const DIGIT = /\p{N}/u
const OPENERS = new Set(['(', '[', '{', '“', '‘'])
/** Two- and three-em dashes stand for words, so they read as words, not dashes. */
const DASHES = new Set(['—', '–', '-', '−'])
const WORD_DASHES = new Set(['⸺', '⸻'])
/** After these a double quote closes even when a letter could follow. */
const CLOSE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '—', '–', '-'])

function kind(character: string | undefined): Kind {
  if (character === undefined) return 'edge'
  const code = character.charCodeAt(0)
  if (code >= 48 && code <= 57) return 'digit'
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'word'
  if (code === 32 || code === 10 || code === 9) return 'space'
  if (OPENERS.has(character)) return 'opener'
  if (DASHES.has(character)) return 'dash'
  if (character === OPAQUE || WORD_DASHES.has(character) || LETTER.test(character)) return 'word'
  if (DIGIT.test(character)) return 'digit'
  if (SPACE.test(character)) return 'space'
  return 'punct'
}

/** Every mark the scan decides or counts: straight quotes, and curly ones already typed. */
const MARKS = /["'\u2018\u2019\u201C\u201D]/g

const isWordLike = (k: Kind): boolean => k === 'word' || k === 'digit'
const isOpenSide = (k: Kind): boolean => k === 'edge' || k === 'space' || k === 'opener'

/** A `'` with a partner to close it: a straight one (`hasStraightPartner`), or a curly one typed already. */
function hasPartner(text: string, index: number): boolean {
  return hasStraightPartner(text, index) || text.includes('’', index + 1)
}

/** `'90s`, `'95`: two digits, then no third. */
function isDecade(text: string, index: number): boolean {
  const third = text[index + 3]
  return DIGIT.test(text[index + 1] ?? '') && DIGIT.test(text[index + 2] ?? '') && (third === undefined || !DIGIT.test(third))
}

/**
 * Curly quotes, apostrophes and primes (SEMoS 8.7.2, 8.8), in one scan.
 * Each straight mark is decided from its neighbours (what is before it is
 * already decided) and, when they do not settle it, from which quotes are
 * open. Every swap is one character for one, so no node boundary moves.
 */
export const quotes: Rule = {
  name: 'quotes',
  trigger: `"'`,
  apply(input) {
    const { text } = input
    if (!text.includes('"') && !text.includes("'")) return input
    let doubles = 0
    let singles = 0
    let lastIndex = -2
    let lastOut = ''
    let lastPrime = -1

    const before = (index: number): string | undefined => (index - 1 === lastIndex ? lastOut : text[index - 1])

    /** A `"` after digits that follow a foot mark is an inch mark: `6'2"`, `6' 2"`. */
    const closesInches = (index: number): boolean => {
      let at = index - 1
      while (at >= 0 && /[\d.,]/.test(text[at]!)) at--
      if (text[at] === ' ' || text[at] === '\u00A0') at--
      return at >= 0 && (at === lastPrime || text[at] === '′')
    }

    const decide = (mark: string, index: number): string => {
      const next = text[index + 1]
      const prev = kind(before(index))
      const after = kind(next)
      switch (mark) {
        case '“':
          doubles++
          return mark
        case '”':
          doubles = Math.max(0, doubles - 1)
          return mark
        case '‘':
          singles++
          return mark
        case '’':
          if (!isWordLike(after)) singles = Math.max(0, singles - 1)
          return mark
        case '"':
          return double(index, prev, after, next)
        default:
          return single(index, prev, after)
      }
    }

    const double = (index: number, prev: Kind, after: Kind, next: string | undefined): string => {
      if (prev === 'digit' && (closesInches(index) || doubles === 0) && !isWordLike(after)) return '″'
      let open: boolean
      if (isOpenSide(prev)) open = after === 'edge' || after === 'space' ? doubles === 0 : true
      else if (prev === 'dash') open = !(after === 'edge' || after === 'space' || CLOSE_BEFORE.has(next!))
      else if (after === 'edge' || after === 'space' || CLOSE_BEFORE.has(next!)) open = false
      else open = doubles === 0
      if (open) doubles++
      else doubles = Math.max(0, doubles - 1)
      return open ? '“' : '”'
    }

    const closeSingle = (): string => {
      singles = Math.max(0, singles - 1)
      return '’'
    }

    const single = (index: number, prev: Kind, after: Kind): string => {
      if (prev === 'digit') {
        if (after === 'digit') return prime(index)
        if (after === 'word') return '’'
        return singles > 0 ? closeSingle() : prime(index)
      }
      if (prev === 'word') return isWordLike(after) ? '’' : singles > 0 ? closeSingle() : '’'
      if (prev === 'punct') return closeSingle()
      // After a space, a start, an opening mark or a dash: open, unless elided.
      if (after === 'edge' || after === 'space') return closeSingle()
      if (after === 'digit' && isDecade(text, index)) return '’'
      if (after === 'word' && ELISIONS.has(wordAfter(text, index))) return '’'
      // A quotation running on over paragraphs opens each with a mark and closes only at its end: a block's first
      // mark opens, and so does one after `said, ` or `:` (speech that runs on into the next paragraph).
      if (after === 'word' && index > 0 && !/[,:]\s*$/.test(text.slice(Math.max(0, index - 3), index)) && !hasPartner(text, index)) return '’'
      if (prev === 'dash' && after === 'punct') return closeSingle()
      singles++
      return '‘'
    }

    const prime = (index: number): string => {
      lastPrime = index
      return '′'
    }

    // One-for-one swaps leave every mark where it is, so the text is rebuilt
    // from slices and the marks are shared, not moved.
    const parts: string[] = []
    let from = 0
    // The regex engine finds the next mark (a native scan); the text between is never looked at here.
    const marks = new RegExp(MARKS)
    for (let found = marks.exec(text); found; found = marks.exec(text)) {
      const index = found.index
      const mark = found[0]
      const out = decide(mark, index)
      lastIndex = index
      lastOut = out
      if (out !== mark) {
        parts.push(text.slice(from, index), out)
        from = index + 1
      }
    }
    if (parts.length === 0) return input
    parts.push(text.slice(from))
    return { text: parts.join(''), marks: input.marks }
  },
}
