import type { Segment } from '../source-map.ts'

/** One line of the source: its text and its line number (1-based). */
export interface Line {
  text: string
  line: number
}

/** Lines between blank lines. */
export type Block = Line[]

/** A paragraph as it will be written: its lines (more than one only in verse), and where it starts. */
export interface Paragraph {
  lines: string[]
  line: number
  column: number
  /** Where each of `lines` came from: a joined line has a stretch per source line. */
  origins: Segment[][]
}

/** Lines `[from, to)` (0-based) grouped into blocks at blank lines. */
export function blocksOf(lines: string[], from: number, to: number): Block[] {
  const blocks: Block[] = []
  let current: Block = []
  for (let index = from; index < to; index++) {
    const text = lines[index]!.trimEnd()
    if (text.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else current.push({ text, line: index + 1 })
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

/**
 * Whether the text is hard-wrapped (a paragraph's lines broken at a fixed
 * width, as Gutenberg's are at ~70 characters) rather than one line per
 * paragraph. Few long lines tell: a wrapped text has almost none.
 */
export function isHardWrapped(blocks: Block[]): boolean {
  let lines = 0
  let long = 0
  let multi = 0
  for (const block of blocks) {
    if (block.length > 1) multi++
    for (const { text } of block) {
      lines++
      if (text.length > 100) long++
    }
  }
  return multi > 0 && long / Math.max(lines, 1) < 0.05
}

const indentOf = (text: string): number => /^\s*/.exec(text)![0].replace(/\t/g, '    ').length

/**
 * A block's paragraphs. In a hard-wrapped text its lines join into one
 * paragraph, and a line indented deeper than the block's others starts a
 * new one (texts that mark paragraphs by indentation alone). A block of
 * short lines all indented alike, or any block of short lines in a text
 * that is not wrapped, is verse or a letter: its lines stay lines. Other
 * lines of an unwrapped text are each a paragraph.
 */
export function paragraphsOf(block: Block, hardWrapped: boolean, width: number): Paragraph[] {
  const at = (line: Line, offset = 0): Segment => ({ at: offset, line: line.line, column: line.text.length - line.text.trimStart().length + 1 })
  const start = (line: Line): Paragraph => ({ lines: [line.text.trim()], line: line.line, column: at(line).column, origins: [[at(line)]] })
  const short = block.length > 1 && block.every(({ text }) => text.trim().length < width * 0.7)
  const indents = block.map(({ text }) => indentOf(text))
  const sameIndent = indents.every((indent) => indent === indents[0])
  if (short && (!hardWrapped || (sameIndent && indents[0]! > 0))) {
    return [{ ...start(block[0]!), lines: block.map(({ text }) => text.trim()), origins: block.map((line) => [at(line)]) }]
  }
  if (!hardWrapped) return block.map(start)
  const least = indents.reduce((a, b) => Math.min(a, b), Infinity)
  const paragraphs: Paragraph[] = []
  for (const [index, line] of block.entries()) {
    const last = paragraphs.at(-1)
    if (!last || indents[index]! > least) paragraphs.push(start(line))
    else {
      last.origins[0]!.push(at(line, last.lines[0]!.length + 1))
      last.lines[0] += ' ' + line.text.trim()
    }
  }
  return paragraphs
}

/** The width a hard-wrapped text is wrapped at: its longest common line length. */
export function wrapWidth(blocks: Block[]): number {
  const lengths = blocks.flatMap((block) => block.map(({ text }) => text.trim().length)).sort((a, b) => a - b)
  return lengths[Math.floor(lengths.length * 0.9)] ?? 70
}
