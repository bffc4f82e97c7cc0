import { classifyCharacter } from 'micromark-util-classify-character'
import type { Point } from 'unist'
import { pointAt } from '../../text-point.ts'

/**
 * How deep emphasis may nest, counted in delimiter characters (`*`, `_`):
 * the tree limit (MAX_TREE_DEPTH in nesting.ts, 230), which the build
 * applies to the parsed tree anyway. Checked before micromark reads a text,
 * because micromark's time grows faster than the square of the depth of
 * emphasis (1,000 levels 0.5 s, 4,000 levels 11 s, a 5,000-level heading
 * nearly 5 minutes); see docs/decisions/0044-emphasis-depth.md.
 */
export const MAX_EMPHASIS_DEPTH = 230

export interface DeepEmphasis {
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
  offset: number
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
 *   truth. Runs no closer reaches (`2*3*4`, snake_case, `* * *`, a lone
 *   `**********`) add nothing, since nothing is measured until a closer matches;
 * - where a delimiter may be hidden from emphasis (inside a possible code
 *   span, HTML tag or autolink, link label or destination: between the
 *   first and the last backtick, `<` and `>`, `[` and `]` or `)` of the
 *   paragraph), a closer measures but closes nothing, so that text can never
 *   lower the count.
 */
export function findDeepEmphasis(text: string, limit = MAX_EMPHASIS_DEPTH): DeepEmphasis | undefined {
  const length = text.length
  let start = 0
  while (start < length) {
    const end = paragraphEnd(text, start)
    const found = scanParagraph(text, start, end, limit)
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

/** Where, in text[start, end), a delimiter may be hidden from emphasis (see above). */
function hiddenZones(text: string, start: number, end: number): Zone[] {
  const zones: Zone[] = []
  const span = (open: string, closes: string[]): void => {
    const from = text.indexOf(open, start)
    if (from < 0 || from >= end) return
    let to = -1
    for (const close of closes) to = Math.max(to, text.lastIndexOf(close, end - 1))
    if (to > from) zones.push({ from, to })
  }
  span('`', ['`'])
  span('<', ['>'])
  span('[', [']', ')'])
  return zones
}

function scanParagraph(text: string, start: number, end: number, limit: number): DeepEmphasis | undefined {
  const zones = hiddenZones(text, start, end)
  const stacks: Record<number, Opener[]> = { [STAR]: [], [UNDERSCORE]: [] }
  let open = 0
  // Where the count of open characters last went past the limit: the place the message names.
  let over = -1
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 92) {
      // A backslash escapes the character after it.
      at++
      continue
    }
    if (code !== STAR && code !== UNDERSCORE) continue
    let runEnd = at + 1
    while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++
    const runLength = runEnd - at
    const before = classifyCharacter(at === start ? null : codePointBefore(text, at))
    const after = classifyCharacter(runEnd >= end ? null : (text.codePointAt(runEnd) as number))
    // micromark's attention: left flanking opens, right flanking closes; `_` inside a word does neither.
    const leftFlanking = !after || (after === 2 && Boolean(before))
    const rightFlanking = !before || (before === 2 && Boolean(after))
    const canOpen = code === STAR ? leftFlanking : leftFlanking && (Boolean(before) || !rightFlanking)
    const canClose = code === STAR ? rightFlanking : rightFlanking && (Boolean(after) || !leftFlanking)
    let size = runLength
    const stack = stacks[code] as Opener[]
    if (canClose && stack.length > 0) {
          // The group this closer makes holds at most every character still open.
      if (open > limit) return { depth: open, place: pointAt(text, over >= 0 ? over : at) }
      if (!zones.some((zone) => at > zone.from && at < zone.to)) {
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
      stack.push({ size, close: canClose, length: runLength, offset: at })
      if (open <= limit && open + size > limit) over = at + (limit - open)
      open += size
    }
    at = runEnd - 1
  }
  return undefined
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
export function emphasisReason(depth: number, what = 'text'): string {
  return `Unexpected emphasis nested ${depth} deep (counted in \`*\` and \`_\` left open), expected at most ${MAX_EMPHASIS_DEPTH}; the ${what} is left unread`
}
