import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { RuleId } from './catalogue.ts'

/** A place in a source file: 1-based line and column, 0-based offset. */
export interface Place {
  line: number
  column: number
  offset: number
}

/** One block of phrasing content (paragraph, heading …) of a source file. */
export interface LintBlock {
  /** The block's text as written, inline markup gone (see normalise/typography/block-text.ts). */
  readonly source: string
  /** The same text with quotes curled by the typography pass (one for one: offsets agree). */
  readonly curled: string
  /** Where offset `index` of `source` is in the file. */
  placeOf(index: number): Place
}

/** A Markdown file of the book, parsed once for every rule. */
export interface LintFile {
  readonly file: VFile
  readonly tree: Root
  readonly blocks: readonly LintBlock[]
}

/** Report a finding of rule `id` at a place in a file; `reason` says what was found and what was expected. */
export type Report = (id: RuleId, file: VFile, place: Place, reason: string) => void

/** A lint rule: reads every file of the book, reports what it finds. */
export interface LintRule {
  readonly id: RuleId
  check(files: readonly LintFile[], report: Report): void
}
