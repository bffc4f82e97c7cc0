import { classifyCharacter } from 'micromark-util-classify-character'
import type { Point } from 'unist'
import { pointAt } from '../../text-point.ts'
import { MAX_TREE_DEPTH } from './nesting.ts'

/**
 * How deep emphasis may nest, counted in delimiter characters (`*`, `_`):
 * the tree limit (MAX_TREE_DEPTH in nesting.ts, 230), which the build
 * applies to the parsed tree anyway. Checked before micromark reads a text,
 * because micromark's time grows faster than the square of the depth of
 * emphasis (1,000 levels 0.5 s, 4,000 levels 11 s, a 5,000-level heading
 * nearly 5 minutes); see docs/decisions/0044-emphasis-depth.md.
 */
export const MAX_EMPHASIS_DEPTH = MAX_TREE_DEPTH

export interface DeepEmphasis {
  /** Emphasis (`*`, `_`) or the labels of links and images (`[`). */
  kind: 'emphasis' | 'label'
  /** The bound reached there, in delimiter characters (a level of strong counts two). */
  depth: number
  place: Point
}

interface Opener {
  /** Characters of the run not yet closed. */
  size: number
  /** Whether the run could also close (the rule of three). */
  close: boolean
  /** Its length as typed (the rule of three). */
  length: number
}

const STAR = 42
const UNDERSCORE = 95

/**
 * The first place where emphasis in `text` may nest deeper than `limit`,
 * if any. One pass over the text, linear in its length, that never says
 * less than the depth micromark would give (so it errs towards refusing,
 * and only text no book holds is refused: hundreds of delimiters left open
 * before one closes):
 * - delimiter runs are classed as micromark does (left and right flanking
 *   by Unicode class; `_` inside a word neither opens nor closes), each
 *   paragraph apart (emphasis never spans a blank line);
 * - each closer takes characters from the nearest opener of its marker, as
 *   long as the rule of three allows, and the count of characters still open
 *   (both markers) when a closer finds an opener bounds how deep the group it
 *   makes can be. Openers left unmatched stay counted: never less than the
 *   truth. Runs that pair as they go (`2*3*4`) close what they open;
 *   runs that cannot open (snake_case, `* * *`) add nothing; a run left open
 *   (a lone `word**********`) counts only when a later closer in its
 *   paragraph finds an opener, and then only its own length;
 * - where a delimiter may be hidden from emphasis (inside a possible code
 *   span, HTML tag or autolink, link label or destination: between the
 *   first and the last backtick, `<` and `>`, `[` and `]` or `)` of the
 *   paragraph), a closer measures but closes nothing, so that text can never
 *   lower the count.
 * The labels of links and images are counted the same way: `[` left open
 * when a `]` comes (one in a possible code span or HTML tag closes
 * nothing). Images nest in images' labels without deepening the tree (the
 * alt text is flat), and micromark's time for them grows with the cube of
 * their depth: 2,000 nested images took 3 s, 8,000 took 96 s.
 */
export function findDeepEmphasis(text: string, limit = MAX_EMPHASIS_DEPTH): DeepEmphasis | undefined {
  const length = text.length
  // The characters the scan stops at: delimiters and the backslash that may escape one (made per call: its lastIndex is state).
  const delimiter = /[*_\\[\]]/g
  let start = 0
  while (start < length) {
    // Straight to the paragraph of the next delimiter: the expression only ever moves forward, so the scan stays linear.
    delimiter.lastIndex = start
    const next = delimiter.exec(text)
    if (!next) return undefined
    let end = paragraphEnd(text, start)
    while (end <= next.index) {
      start = end
      end = paragraphEnd(text, start)
    }
    const found = scanParagraph(text, start, end, next.index, delimiter, limit)
    if (found) return found
    start = end
  }
  return undefined
}

/** The offset after the blank line (or the end) that ends the paragraph starting at `start`. */
function paragraphEnd(text: string, start: number): number {
  let lineStart = start
  for (;;) {
    const newline = text.indexOf('\n', lineStart)
    if (newline < 0) return text.length
    let at = newline + 1
    while (at < text.length && isBlank(text.charCodeAt(at))) at++
    if (at >= text.length || text.charCodeAt(at) === 10) return at
    lineStart = newline + 1
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13
}

interface Zone {
  from: number
  to: number
}

/** Where, in text[start, end), a delimiter may be hidden from emphasis (see above): one pass over the paragraph, never past it. */
function hiddenZones(text: string, start: number, end: number): { code: Zone[]; emphasis: Zone[] } {
  // First and last offsets of: backtick, `<`, `>`, `[`, `]` or `)`.
  let tickFirst = -1
  let tickLast = -1
  let ltFirst = -1
  let gtLast = -1
  let bracketFirst = -1
  let closeLast = -1
  // Read character by character: a search past the paragraph's end would make many paragraphs cost the square of the text.
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 96) {
      if (tickFirst < 0) tickFirst = at
      tickLast = at
    } else if (code === 60) {
      if (ltFirst < 0) ltFirst = at
    } else if (code === 62) gtLast = at
    else if (code === 91) {
      if (bracketFirst < 0) bracketFirst = at
    } else if (code === 93 || code === 41) closeLast = at
  }
  const code: Zone[] = []
  if (tickFirst >= 0 && tickLast > tickFirst) code.push({ from: tickFirst, to: tickLast })
  if (ltFirst >= 0 && gtLast > ltFirst) code.push({ from: ltFirst, to: gtLast })
  const label: Zone[] = bracketFirst >= 0 && closeLast > bracketFirst ? [{ from: bracketFirst, to: closeLast }] : []
  return { code, emphasis: [...code, ...label] }
}

function inside(zones: Zone[], at: number): boolean {
  return zones.some((zone) => at > zone.from && at < zone.to)
}


/** The paragraph text[start, end), whose first delimiter (or backslash) is at `first`; `delimiter` finds the next. */
function scanParagraph(text: string, start: number, end: number, first: number, delimiter: RegExp, limit: number): DeepEmphasis | undefined {
  const zones = hiddenZones(text, start, end)
  const stacks: Record<number, Opener[]> = { [STAR]: [], [UNDERSCORE]: [] }
  let open = 0
  // Where the count of open characters last went past the limit: the place the message names.
  let over = -1
  // Brackets left open, and where their count went past the limit.
  let brackets = 0
  let bracketOver = -1
  for (let at = first; at < end; ) {
    const code = text.charCodeAt(at)
    if (code === 91) brackets++
    else if (code === 93 && brackets > 0) {
      // A `]` ends the innermost label: as many as are open bound how deeply links and images nest.
      if (brackets > limit) return { kind: 'label', depth: brackets, place: pointAt(text, bracketOver) }
      if (!inside(zones.code, at)) brackets--
    }
    if (code === 91 && brackets === limit + 1) bracketOver = at
    if (code === 92 || (code !== STAR && code !== UNDERSCORE)) {
      // A backslash escapes the character after it; the next delimiter is found by the expression.
      delimiter.lastIndex = code === 92 ? at + 2 : at + 1
      at = nextDelimiter(delimiter, text, end)
      continue
    }
    let runEnd = at + 1
    while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++
    const runLength = runEnd - at
    const before = classify(at === start ? null : codePointBefore(text, at))
    const after = classify(runEnd >= end ? null : (text.codePointAt(runEnd) as number))
    // micromark's attention: left flanking opens, right flanking closes; `_` inside a word does neither.
    const leftFlanking = !after || (after === 2 && Boolean(before))
    const rightFlanking = !before || (before === 2 && Boolean(after))
    const canOpen = code === STAR ? leftFlanking : leftFlanking && (Boolean(before) || !rightFlanking)
    const canClose = code === STAR ? rightFlanking : rightFlanking && (Boolean(after) || !leftFlanking)
    let size = runLength
    const stack = stacks[code] as Opener[]
    if (canClose && stack.length > 0) {
          // The group this closer makes holds at most every character still open.
      if (open > limit) return { kind: 'emphasis', depth: open, place: pointAt(text, over >= 0 ? over : at) }
      if (!inside(zones.emphasis, at)) {
        while (size > 0 && stack.length > 0) {
          const opener = stack[stack.length - 1] as Opener
          const rejected = (opener.close || canOpen) && runLength % 3 !== 0 && (opener.length + runLength) % 3 === 0
          if (rejected) break
          const used = Math.min(size, opener.size)
          opener.size -= used
          size -= used
          open -= used
          if (open <= limit) over = -1
          if (opener.size === 0) stack.pop()
        }
      }
    }
    if (canOpen && size > 0) {
      stack.push({ size, close: canClose, length: runLength })
      if (open <= limit && open + size > limit) over = at + (limit - open)
      open += size
    }
    delimiter.lastIndex = runEnd
    at = nextDelimiter(delimiter, text, end)
  }
  return undefined
}

/** The next delimiter from delimiter.lastIndex, or `end`. A search that runs past the paragraph covers text the next search covers again: each character is read at most twice. */
function nextDelimiter(delimiter: RegExp, text: string, end: number): number {
  const next = delimiter.exec(text)
  return next && next.index < end ? next.index : end
}

/** micromark's class of a character (1 white space, 2 punctuation), ASCII answered without its Unicode expressions. */
function classify(code: number | null): 1 | 2 | undefined {
  if (code === null || code === 32 || (code >= 9 && code <= 13)) return 1
  if (code < 128) {
    const punctuation = (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
    return punctuation ? 2 : undefined
  }
  return classifyCharacter(code) as 1 | 2 | undefined
}

function codePointBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1)
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2) as number
  }
  return code
}

/** The reason given for emphasis nested too deep (the import gives it too). */
export function emphasisReason(deep: DeepEmphasis, what = 'text'): string {
  const nested = deep.kind === 'label' ? `links or images nested ${deep.depth} deep (counted in \`[\` left open)` : `emphasis nested ${deep.depth} deep (counted in \`*\` and \`_\` left open)`
  return `Unexpected ${nested}, expected at most ${MAX_EMPHASIS_DEPTH}; the ${what} is left unread`
}
