import type { FootnoteDefinition, Nodes, Paragraph, Root, RootContent } from 'mdast'
import type { Point } from 'unist'
import type { Options } from 'mdast-util-from-markdown'
import { isProseLine, isProseWithNotes, mustParseWhole, splitBlocks, type Block } from './blocks.ts'
import { charFinder } from './find-chars.ts'
import { parseInline, type Line } from './inline.ts'
import { commonmark } from './load-commonmark.ts'
import { gfmFootnoteIndex } from './footnote-index.ts'

export interface ParseOptions extends Pick<Options, 'extensions' | 'mdastExtensions'> {
  /** GFM footnotes (`text[^1]`, `[^1]: the note`): their syntax loads with the CommonMark parser. */
  footnotes?: boolean
}

/**
 * Parse Markdown into mdast, the same tree (positions included) that
 * mdast-util-from-markdown gives with the same extensions, several times
 * faster on prose. Paragraphs of plain prose (see `blocks.ts`) are parsed
 * here; every other run of blocks goes to micromark on its own, its
 * positions moved to where it stands in the text. Texts with constructs that
 * reach across blocks go to micromark whole. Reading a long text in pieces
 * also keeps memory bounded: micromark holds about a hundred bytes per
 * character of what it parses at once.
 *
 * The extensions must add no inline syntax made of characters a prose block
 * may hold (`blocks.ts` lets through no `[`, so GFM footnotes are fine).
 * micromark itself loads only when a text first needs it.
 * See docs/decisions/0006-prose-fast-path.md and 0010-commonmark-on-demand.md.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  let notes: SimpleNotes | undefined
  if (mustParseWhole(text)) {
    // Footnote definitions of one line of prose each are read here, their labels given to micromark for the rest.
    notes = options.footnotes ? simpleNotes(text) : undefined
    if (!notes) return fromMarkdown(text, options)
  }
  const blocks = notes?.blocks ?? splitBlocks(text)
  const definitions = notes?.definitions ?? new Set<number>()
  // Paragraphs whose only markup is references to those notes are read here too.
  let nextBracket: ((from: number) => number) | undefined
  if (notes) {
    const labels = new Set(notes.labels)
    for (const block of blocks) {
      if (block.prose || definitions.has(block.start) || !isProseWithNotes(text, block, labels)) continue
      block.prose = true
      nextBracket ??= charFinder(text, '[')
    }
  }
  if (!blocks.some((block) => block.prose || definitions.has(block.start))) return fromMarkdown(text, options)
  const lineStarts = findLineStarts(text)
  const point = (offset: number): Point => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1, offset }
  }
  const children: RootContent[] = []
  // Paragraphs come in order, so one finder serves them all: the text is searched once.
  const nextDelimiter = charFinder(text, '*_')
  let run: Block[] = []
  // A run goes on to the line before the next prose block: blank lines can belong to what ends it (indented code).
  const flush = (until: number): void => {
    if (run.length === 0) return
    const start = (run[0] as Block).start
    const parsed = fromMarkdown(text.slice(start, until), options, notes?.labels)
    const shift = point(start)
    for (const child of parsed.children) {
      moveBy(child, shift.line - 1, start)
      children.push(child)
    }
    run = []
  }
  for (const block of blocks) {
    if (definitions.has(block.start)) {
      flush(block.start - 1)
      for (const definition of footnoteDefinitions(text, block, point, nextDelimiter)) children.push(definition)
      continue
    }
    if (!block.prose) {
      run.push(block)
      continue
    }
    flush(block.start - 1)
    children.push(paragraph(text, block, point, nextDelimiter, nextBracket))
  }
  flush(text.length)
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(text.length) } }
}

function paragraph(text: string, block: Block, point: (offset: number) => Point, nextDelimiter: (from: number) => number, nextBracket?: (from: number) => number): Paragraph {
  const lines: Line[] = []
  let lineStart = block.start
  while (lineStart <= block.end) {
    let newline = text.indexOf('\n', lineStart)
    if (newline < 0 || newline >= block.end) newline = -1
    const lineEnd = newline < 0 ? block.end : newline
    let start = lineStart
    while (start < lineEnd && text.charCodeAt(start) === 32) start++
    let end = lineEnd
    while (end > start && text.charCodeAt(end - 1) === 32) end--
    lines.push({ start, end, newline, hardBreak: newline >= 0 && lineEnd - end >= 2, spacesStart: end })
    if (newline < 0) break
    lineStart = newline + 1
  }
  return {
    type: 'paragraph',
    children: parseInline(text, lines, point, nextDelimiter, nextBracket),
    position: { start: point(block.start), end: point(block.end) },
  }
}

/** micromark's options for each options object, made once: the footnote extensions come with the parser. */
const micromarkOptions = new WeakMap<ParseOptions, Options>()

/** Parse with the whole CommonMark parser (mdast-util-from-markdown), loading it on first use; `labels`: footnotes defined elsewhere in the text. */
function fromMarkdown(text: string, options: ParseOptions, labels?: readonly string[]): Root {
  const parser = commonmark()
  if (labels) {
    const extensions = [...(options.extensions ?? []), parser.gfmFootnote(), gfmFootnoteIndex(labels)]
    return parser.fromMarkdown(text, { extensions, mdastExtensions: [...(options.mdastExtensions ?? []), parser.gfmFootnoteFromMarkdown()] })
  }
  let resolved = micromarkOptions.get(options)
  if (!resolved) {
    resolved = options.footnotes
      ? { extensions: [...(options.extensions ?? []), parser.gfmFootnote(), gfmFootnoteIndex()], mdastExtensions: [...(options.mdastExtensions ?? []), parser.gfmFootnoteFromMarkdown()] }
      : options
    micromarkOptions.set(options, resolved)
  }
  return parser.fromMarkdown(text, resolved)
}

function findLineStarts(text: string): Int32Array {
  let count = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  const starts = new Int32Array(count)
  let line = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1
  return starts
}

/**
 * Move a subtree parsed from a slice to its place in the whole text (the
 * slice starts a line, so columns stay). Walked with a stack, not by
 * recursion: a slice may nest deeper than the call stack goes.
 */
function moveBy(subtree: RootContent, lines: number, offset: number): void {
  const stack: Nodes[] = [subtree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position
    if (position) {
      position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset }
      position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

/** A footnote definition of one line of plain prose, alone on its line: `[^note-1]: The note.` */
const SIMPLE_DEFINITION = /^\[\^([A-Za-z0-9_-]{1,99})\]: (?=\S)[^\n]*\S$/gm

interface SimpleNotes {
  blocks: Block[]
  /** Starts of the blocks made only of simple definitions. */
  definitions: Set<number>
  /** Their labels as micromark normalises them (upper case). */
  labels: string[]
}

/**
 * When the only reason `text` must be read whole is footnote definitions,
 * each one line of prose in a block of such lines (not followed by an
 * indented block, which would be its next paragraph), those blocks: read
 * here, they spare micromark a container per note, which made 30,000
 * notes take seconds (decision 0024). Anything else: undefined.
 */
function simpleNotes(text: string): SimpleNotes | undefined {
  if (!text.includes('[^')) return undefined
  if (mustParseWhole(text.replace(SIMPLE_DEFINITION, ''))) return undefined
  const blocks = splitBlocks(text)
  const definitions = new Set<number>()
  const labels: string[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as Block
    let lines = 0
    let simple = 0
    for (let lineStart = block.start; lineStart <= block.end; ) {
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0 || lineEnd > block.end) lineEnd = block.end
      lines++
      const line = text.slice(lineStart, lineEnd)
      const match = /^\[\^([A-Za-z0-9_-]{1,99})\]: (?=\S)[^\n]*\S$/.exec(line)
      if (match && isProseLine(text, lineStart + (match[1] as string).length + 5, lineEnd)) {
        simple++
        labels.push((match[1] as string).toUpperCase())
      }
      lineStart = lineEnd + 1
    }
    if (simple === 0) continue
    if (simple !== lines) return undefined
    const next = blocks[index + 1]
    if (next && (text.charCodeAt(next.start) === 32 || text.charCodeAt(next.start) === 9)) return undefined
    definitions.add(block.start)
  }
  return definitions.size > 0 ? { blocks, definitions, labels } : undefined
}

/** The definitions of a block of simple ones, as mdast-util-gfm-footnote makes them. */
function footnoteDefinitions(text: string, block: Block, point: (offset: number) => Point, nextDelimiter: (from: number) => number): FootnoteDefinition[] {
  const made: FootnoteDefinition[] = []
  for (let lineStart = block.start; lineStart <= block.end; ) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0 || lineEnd > block.end) lineEnd = block.end
    const labelEnd = text.indexOf(']', lineStart)
    const label = text.slice(lineStart + 2, labelEnd)
    const content: Block = { start: labelEnd + 3, end: lineEnd, prose: true }
    made.push({
      type: 'footnoteDefinition',
      identifier: label.toLowerCase(),
      label,
      children: [paragraph(text, content, point, nextDelimiter)],
      position: { start: point(lineStart), end: point(lineEnd) },
    })
    lineStart = lineEnd + 1
  }
  return made
}
