import type { Point } from 'unist'

/** The line and column (1-based) of `offset` in `text`, lines ending at `\n`: where a message points. */
export function pointAt(text: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return { line, column: offset - lineStart + 1, offset }
}

/** The place of `offset` in a piece of a document (a `<style>`'s CSS) that begins at `start` there. */
export function pointWithin(start: Point, piece: string, offset: number): Point {
  const { line, column } = pointAt(piece, offset)
  return line === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + line - 1, column }
}
