/**
 * colophon's library API: `build()` a manuscript folder into EPUB bytes,
 * `typeset()` a piece of Markdown, `loadBook()` to read a manuscript only.
 */
export { build, type BuildOptions, type BuildResult } from './build.ts'
export { typeset, type TypesetOptions, type TypesetResult } from './typeset.ts'
export { loadBook, type Book, type Chapter, type MatterPage, type Metadata, type Author } from './load/index.ts'
export { BookError } from './errors.ts'
export { verifyEpub } from './verify/index.ts'
export { targets, targetNames, kindleRules, type TargetName, type TargetOutput, type PreflightOptions } from './targets/index.ts'
export { startPreview, type Preview, type PreviewOptions, type PreviewEvent } from './preview/index.ts'
export { checkEpub, formatReport, type CheckReport, type Finding, type ToolReport } from './check/index.ts'
export { typographicCover, svgToPng, coverFonts, type CoverText } from './cover/index.ts'
