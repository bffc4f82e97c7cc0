import { statSync } from 'node:fs'
import { join } from 'node:path'

/** The folder `colophon build`, `preview` and `lint` use when none is named. */
export const DEFAULT_MANUSCRIPT = 'manuscript'

/**
 * Which manuscript folder a command works on: the one named; else the
 * current folder when it holds book.yaml (where a writer works); else
 * `./manuscript` (a project with the manuscript in a folder of its own).
 * A missing folder is reported by the loader, with what it expected.
 */
export function findManuscript(given: string | undefined, cwd = process.cwd()): string {
  if (given !== undefined) return given
  if (statSync(join(cwd, 'book.yaml'), { throwIfNoEntry: false })?.isFile()) return '.'
  return DEFAULT_MANUSCRIPT
}
