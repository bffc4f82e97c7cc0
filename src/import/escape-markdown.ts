/**
 * Plain text as Markdown that reads back as the same text. An importer
 * keeps the author's words exactly (straight quotes, hyphens, spacing
 * inside a line) and only adds backslashes where CommonMark would read
 * syntax: the text then builds as it reads in the source. Shared by every
 * reader that turns plain text into scene files.
 */

export interface EscapeOptions {
  /**
   * Read `_word_` and `*word*` as emphasis (Gutenberg and plain-text
   * writers type italics so) and write them as Markdown's `*word*`.
   * Otherwise every `_` and `*` is literal.
   */
  emphasis?: boolean
}

/**
 * Characters CommonMark reads as syntax anywhere in a line. `<` only where
 * it could open a tag or autolink, `&` only where it could be an entity
 * reference: "a < b" and "Tom & Jerry" read as typed without a backslash.
 */
const INLINE = /[\\`*_[\]]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|~(?=~)/g

/** A line CommonMark would read as a block: heading, quote, list item, fence, setext underline. */
const BLOCK_START = [
  // `# heading`, `> quote`, and fences `~~~` (backticks are escaped inline).
  /^([ \t]*)([#>])/,
  // `- item`, `+ item` (an `*` is escaped inline already), or a line of them.
  /^([ \t]*)([-+])(?=[ \t]|$)/,
  // `1. item`, `1) item`.
  /^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/,
  // A line of `=` or `-` under text would make that text a heading.
  /^([ \t]*)([=-])(?=[=\- \t]*$)/,
]

/** A line of plain text (no line breaks) with its syntax characters escaped. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, (char) => `\\${char}`)
}

function escapeBlockStart(line: string): string {
  for (const pattern of BLOCK_START) {
    if (pattern.test(line)) return line.replace(pattern, (_, before: string, char: string) => `${before}\\${char}`)
  }
  return line
}

/**
 * `_x_` or `*x*`: a delimiter not inside a word, text that starts and ends
 * with a non-space, and the same delimiter closing it, not followed by a
 * letter. No nesting and no line breaks: what plain-text writers type.
 */
const EMPHASIS = /(?<![\p{L}\p{N}\\_*])([_*])(?![\s_*])([^_*\n]*?[^\s_*\\])\1(?![\p{L}\p{N}_*])|(?<![\p{L}\p{N}\\_*])([_*])([^\s_*])\3(?![\p{L}\p{N}_*])/gu

function inlineWithEmphasis(line: string): string {
  // Most lines have no delimiter: the regular expression is the reader's slowest step.
  if (!line.includes('_') && !line.includes('*')) return escapeInline(line)
  let out = ''
  let last = 0
  for (const match of line.matchAll(EMPHASIS)) {
    const inner = match[2] ?? match[4] ?? ''
    out += escapeInline(line.slice(last, match.index)) + `*${escapeInline(inner)}*`
    last = match.index + match[0].length
  }
  return out + escapeInline(line.slice(last))
}

/**
 * Plain text to Markdown that renders as the same words: each line's
 * syntax escaped, line by line, so a paragraph of one line or a verse of
 * several (joined by the caller with hard breaks) both stay text.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const inline = options.emphasis ? inlineWithEmphasis : escapeInline
  return text
    .split('\n')
    .map((line) => escapeBlockStart(inline(line)))
    .join('\n')
}
