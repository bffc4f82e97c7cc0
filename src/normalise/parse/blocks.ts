/**
 * A Markdown text cut into blocks at blank lines, each marked as prose or
 * not. A prose block is a paragraph whatever surrounds it, and its inline
 * content is only text, line breaks and `*`/`_` emphasis, so `inline.ts` can
 * parse it alone and give what micromark would. Anything else (headings,
 * lists, quotes, code, HTML, links, escapes, entities, a paragraph that does
 * not start at the margin) is left to micromark, in runs of such blocks.
 */
export interface Block {
  /** Offset of the block's first character (its first line starts here). */
  start: number
  /** Offset just past its last line's last character (before that line's `\n`). */
  end: number
  prose: boolean
}

/**
 * Whole texts that micromark must read at once, because a construct in them
 * can reach across blank lines or blocks: fenced code (anywhere: a fence can
 * open inside a list item or a quote), HTML blocks that end
 * only at their closing mark (comments, `<pre>`, `<script>`, `<style>`,
 * `<textarea>`, `<?…?>`, `<!…>`), and definitions (`[id]: url`, `[^note]:`),
 * which links and footnotes anywhere in the text refer to.
 */
const WHOLE = /`{3}|~{3}|<[!?]|<(?:pre|script|style|textarea)|\]:/i

/** Characters that make a block's inline content more than text and emphasis (or that micromark reads specially: CR, NUL). */
const INLINE_MARKUP = /[`[\]<\\&\t\r\0]/

export function mustParseWhole(text: string): boolean {
  return WHOLE.test(text)
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let blockStart = -1
  let blockEnd = -1
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    if (isBlank(text, lineStart, lineEnd)) {
      if (blockStart >= 0) blocks.push(classify(text, blockStart, blockEnd))
      blockStart = -1
    } else {
      if (blockStart < 0) blockStart = lineStart
      blockEnd = lineEnd
    }
    lineStart = lineEnd + 1
  }
  if (blockStart >= 0) blocks.push(classify(text, blockStart, blockEnd))
  return blocks
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code !== 32 && code !== 9) return false
  }
  return true
}

function classify(text: string, start: number, end: number): Block {
  const block: Block = { start, end, prose: false }
  // A paragraph set in from the margin could belong to a list item before it.
  if (text.charCodeAt(start) === 32) return block
  if (INLINE_MARKUP.test(text.slice(start, end))) return block
  let lineStart = start
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0 || lineEnd > end) lineEnd = end
    if (startsBlock(text, lineStart, lineEnd)) return block
    lineStart = lineEnd + 1
  }
  block.prose = true
  return block
}

/**
 * Whether a line could start (or, under a paragraph, turn it into) some
 * other block: a heading or setext underline, a quote, a list item, a
 * thematic break, a fence. Checked after any indent, which errs on the safe
 * side: micromark then reads the block.
 */
function startsBlock(text: string, start: number, end: number): boolean {
  let at = start
  while (at < end && text.charCodeAt(at) === 32) at++
  const code = text.charCodeAt(at)
  switch (code) {
    case 35: // #
    case 62: // >
    case 45: // -
    case 43: // +
    case 61: // =
    case 126: // ~
      return true
    case 42: // *
    case 95: {
      // _
      const next = at + 1 < end ? text.charCodeAt(at + 1) : 32
      if (code === 42 && next === 32) return true
      // A line of only the marker and spaces is a thematic break (or a list item).
      for (let scan = at; scan < end; scan++) {
        const char = text.charCodeAt(scan)
        if (char !== code && char !== 32) return false
      }
      return true
    }
    default:
      if (code >= 48 && code <= 57) {
        let scan = at
        while (scan < end && text.charCodeAt(scan) >= 48 && text.charCodeAt(scan) <= 57) scan++
        const after = text.charCodeAt(scan)
        return after === 46 || after === 41 // 1. or 1)
      }
      return false
  }
}

/** A footnote reference with a label simple definitions may have (`[^note-1]`). */
const NOTE_REFERENCE = /\[\^([A-Za-z0-9_-]{1,99})\]/g

/**
 * Whether a block that is not prose only because of footnote references is
 * prose with them: every `[` in it opens `[^label]` of a label in `labels`
 * (upper case, defined by simple definitions), not first on its line (where
 * it could read as a definition), not after `!` nor before `(` (an image or
 * a link may be read there), and the block is prose
 * once they are masked. `inline.ts` then reads them as references, as
 * micromark-extension-gfm-footnote does (decision 0024).
 */
export function isProseWithNotes(text: string, block: Block, labels: ReadonlySet<string>): boolean {
  const slice = text.slice(block.start, block.end)
  if (!slice.includes('[^')) return false
  let fits = true
  const masked = slice.replace(NOTE_REFERENCE, (match: string, label: string, offset: number) => {
    let before = offset - 1
    while (before >= 0 && slice.charCodeAt(before) === 32) before--
    const after = slice.charCodeAt(offset + match.length)
    // `![^1](x)` is an image and `[^1](x)` could be read as a link: micromark decides those.
    if (before < 0 || slice.charCodeAt(before) === 10 || slice.charCodeAt(offset - 1) === 33 || after === 40 || !labels.has(label.toUpperCase())) fits = false
    return 'x'.repeat(match.length)
  })
  return fits && classify(masked, 0, masked.length).prose
}

/**
 * Whether `text[start, end)` is one line of plain prose on its own: what a
 * simple footnote definition may hold (`[^1]: A note.`) for `parseMarkdown`
 * to read it without micromark.
 */
export function isProseLine(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start)
  if (start >= end || code === 32 || code === 9) return false
  if (INLINE_MARKUP.test(text.slice(start, end))) return false
  return !startsBlock(text, start, end)
}
