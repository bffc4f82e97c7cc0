import type { LineCounter } from 'yaml'

/** A unist point: 1-based line and column, 0-based offset. */
export interface Place {
  line: number
  column: number
  offset: number
}

export function placeOf(lines: LineCounter, offset: number): Place {
  const { line, col } = lines.linePos(offset)
  return { line, column: col, offset }
}
