import { mustParseWhole, splitBlocks } from '../normalise/parse/blocks.ts'
import type { MessageRecord } from '../cache/messages.ts'
import type { TextResult } from './tasks.ts'

/** A text longer than this is typeset in pieces of about this size (when it can be cut). */
export const PIECE_CHARS = 256_000

/** A piece of a long text, and where it starts in the text: lines before it and characters before it. */
export interface Piece {
  value: string
  lines: number
  offset: number
}

/**
 * What ties a text together beyond its blocks: footnotes and definitions
 * (referred to from anywhere), images (read for the whole book), raw HTML
 * (parsed across blocks, an element opened in one and closed in another).
 */
const WHOLE_TEXT = /<|\[\^|!\[|\]:/

/**
 * A long text cut into pieces that typeset exactly as the whole text does,
 * so they can go to different threads and none holds the whole text's
 * trees in memory: cut only before a prose paragraph at the margin (see
 * `normalise/parse/blocks.ts`), where no Markdown construct reaches across,
 * and only in texts with nothing in `WHOLE_TEXT`. Undefined when the text
 * is short or cannot be cut. The newline before each cut belongs to no piece.
 */
export function splitText(text: string, size = PIECE_CHARS): Piece[] | undefined {
  if (text.length <= size || WHOLE_TEXT.test(text) || mustParseWhole(text)) return undefined
  const pieces: Piece[] = []
  let start = 0
  let lines = 0
  for (const block of splitBlocks(text)) {
    if (!block.prose || block.start - start < size) continue
    const value = text.slice(start, block.start - 1)
    pieces.push({ value, lines, offset: start })
    lines += countLines(value) + 1
    start = block.start
  }
  if (pieces.length === 0) return undefined
  pieces.push({ value: text.slice(start), lines, offset: start })
  return pieces
}

function countLines(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** A piece's result placed in its text: messages and scene-break markers moved down by the lines and characters before it. */
export function placePiece(result: TextResult, lines: number, offset: number): TextResult {
  if (lines === 0 && offset === 0) return result
  const move = (record: MessageRecord): MessageRecord => ({ ...record, place: movePlace(record.place, lines, offset) })
  return {
    ...result,
    messages: result.messages.map(move),
    lint: result.lint && {
      messages: result.lint.messages.map(move),
      markers: result.lint.markers.map((marker) => ({ ...marker, place: { ...marker.place, line: marker.place.line + lines, offset: marker.place.offset + offset } })),
    },
  }
}

type Place = MessageRecord['place']
type Point = { line: number; column: number; offset?: number }

function movePlace(place: Place, lines: number, offset: number): Place {
  if (!place) return place
  const point = (at: Point): Point => ({ ...at, line: at.line + lines, ...(at.offset === undefined ? {} : { offset: at.offset + offset }) })
  return 'start' in place ? { start: point(place.start), end: point(place.end) } : point(place)
}

/** The pieces' results as the whole text's: bodies joined as blocks are, counts added, messages in order. */
export function joinPieces(results: readonly TextResult[]): TextResult | undefined {
  if (results.some((result) => !result.rendered)) return undefined
  return {
    rendered: { body: results.map((result) => result.rendered?.body ?? '').join('\n'), notes: '' },
    words: results.reduce((sum, result) => sum + result.words, 0),
    messages: results.flatMap((result) => result.messages),
    lint: results.every((result) => result.lint)
      ? { messages: results.flatMap((result) => result.lint?.messages ?? []), markers: results.flatMap((result) => result.lint?.markers ?? []) }
      : undefined,
  }
}
