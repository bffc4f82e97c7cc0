/**
 * colophon's library API: `build()` a manuscript folder into EPUB bytes,
 * `typeset()` a piece of Markdown, `loadBook()` to read a manuscript only.
 */
import type { CheckOptions } from './check/index.ts'
import type { CheckReport } from './check/types.ts'

export { build, type BuildOptions, type BuildResult } from './build.ts'
export { typeset, type TypesetOptions, type TypesetResult } from './typeset.ts'
export { loadBook, type Book, type Chapter, type MatterPage, type Metadata, type Author } from './load/index.ts'
export { BookError } from './errors.ts'
export { verifyEpub } from './verify/index.ts'
export { targets, targetNames, kindleRules, type TargetName, type TargetOutput, type PreflightOptions } from './targets/index.ts'
export { startPreview, type Preview, type PreviewOptions, type PreviewEvent } from './preview/index.ts'
export { formatReport } from './check/report.ts'
export type { CheckReport, Finding, ToolReport } from './check/types.ts'
export type { CheckOptions } from './check/index.ts'
export { typographicCover, svgToPng, coverFonts, type CoverText } from './cover/index.ts'
export { BuildCache } from './cache/store.ts'
export type { ProgressEvent, Stage } from './progress/events.ts'

/**
 * Check an EPUB file with every checker there is here (see `check/index.ts`).
 * The checkers load on the first call: epubcheck-ts alone took 0.2 s to
 * load, which importing colophon to build a book never needs.
 */
export async function checkEpub(path: string, options?: CheckOptions): Promise<CheckReport> {
  return (await import('./check/index.ts')).checkEpub(path, options)
}
