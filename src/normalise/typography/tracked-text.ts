/**
 * A block's text plus marks: offsets where text nodes start and end. Every
 * edit goes through `replaceAll`, which moves the marks with the text, so
 * the result can be cut back into the very nodes it came from.
 */
export interface TrackedText {
  readonly text: string
  /** Non-decreasing offsets into `text`. */
  readonly marks: readonly number[]
}

export type Replacer = (match: RegExpExecArray, text: string) => string

/**
 * Replace every match of a global regex, in one pass, and move the marks.
 * The pattern's `lastIndex` is reset before and after the scan, so a shared
 * module-level pattern carries no state between calls (and, unlike
 * `matchAll`, no copy of the regex is made per block: that copy was a
 * measurable share of the pass on a long book).
 *
 * A mark at or before a match's start stays before the replacement (so an
 * insertion joins the node that follows it); a mark at or after its end
 * stays after it; a mark inside keeps its offset, clamped to the
 * replacement's length (one-for-one swaps keep every mark exactly).
 */
export function replaceAll(input: TrackedText, pattern: RegExp, replace: string | Replacer): TrackedText {
  const { text, marks } = input
  const out: string[] = []
  const moved: number[] = new Array<number>(marks.length)
  let mark = 0
  let last = 0
  let length = 0
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    const start = match.index
    const end = start + match[0].length
    // An empty match would never advance: step over it.
    if (end === start) pattern.lastIndex++
    const replacement = typeof replace === 'string' ? replace : replace(match, text)
    while (mark < marks.length && marks[mark]! <= start) {
      moved[mark] = length + marks[mark]! - last
      mark++
    }
    out.push(text.slice(last, start))
    length += start - last
    while (mark < marks.length && marks[mark]! < end) {
      moved[mark] = length + Math.min(marks[mark]! - start, replacement.length)
      mark++
    }
    out.push(replacement)
    length += replacement.length
    last = end
  }
  pattern.lastIndex = 0
  if (last === 0 && out.length === 0) return input
  while (mark < marks.length) {
    moved[mark] = length + marks[mark]! - last
    mark++
  }
  out.push(text.slice(last))
  return { text: out.join(''), marks: moved }
}
