import { join, relative, resolve, sep } from 'node:path'
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { BookError } from '../errors.ts'
import { loadBook, type Book } from '../load/index.ts'
import { isNamed, isRefusal, openManuscript } from '../load/open.ts'
import { readText } from '../load/read-text.ts'
import { reportMixedSceneBreaks } from './rules/mixed-scene-breaks.ts'
import { lintText, reporter, type TextFindings } from './text.ts'
import { lintContext } from './languages.ts'
import { applySuppressions, parseSuppressions, SUPPRESSIONS_FILE } from './suppressions.ts'
import { textsInOrder } from '../load/reading-order.ts'

export { CATALOGUE, RULE_IDS, type RuleId } from './catalogue.ts'
export { lintText, type TextFindings } from './text.ts'
export { SUPPRESSIONS_FILE } from './suppressions.ts'

export interface LintResult {
  /** Findings (warnings), sorted by file, line and column. */
  messages: VFileMessage[]
}

/** Every Markdown file of a book, in reading order. */
function textsOf(book: Book): VFile[] {
  return textsInOrder(book, (page) => page.file)
}

/**
 * Lint a loaded book: run every rule over its Markdown files, then apply
 * the suppressions file when there is one. Pure: the caller reads files.
 * `sourceTrees` are the files' trees as the normaliser parsed them (before
 * typography), so a build does not parse every file twice.
 * Throws `BookError` when the suppressions file itself is wrong.
 */
export function lintBook(book: Book, suppressionsFile?: VFile, sourceTrees?: ReadonlyMap<VFile, Root>): LintResult {
  return finishLint(
    book,
    textsOf(book).map((file) => ({ file, ...lintText(file, sourceTrees?.get(file), lintContext(book.metadata.language, book.metadata.dialogueDashes)) })),
    suppressionsFile,
  )
}

/**
 * The book-wide end of the lint: each file's findings (from `lintText`,
 * in reading order), the scene-break markers compared across the book
 * (T008), the suppressions applied, the whole sorted by file, line and column.
 */
export function finishLint(book: Book, texts: ReadonlyArray<{ file: VFile } & TextFindings>, suppressionsFile?: VFile): LintResult {
  const messages = texts.flatMap((text) => text.messages)
  const before = texts.map((text) => text.file.messages.length)
  reportMixedSceneBreaks(texts, reporter(messages))
  // The rule leaves its messages on the files too; the result is the one list.
  texts.forEach((text, index) => (text.file.messages.length = before[index] as number))

  let kept = messages
  if (suppressionsFile) {
    const suppressions = parseSuppressions(suppressionsFile)
    const fatal = suppressionsFile.messages.filter((message) => message.fatal)
    if (fatal.length > 0) throw new BookError(fatal)
    const root = book.root
    kept = applySuppressions(messages, suppressions, suppressionsFile, (message) => relative(root, message.file ?? '').split(sep).join('/'))
  }
  kept.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return { messages: kept }
}

export interface LintOptions {
  /** Folder that message paths are relative to; defaults to `process.cwd()`. */
  cwd?: string
}

/** Load a manuscript folder and its suppressions file, and lint it. */
export async function lintManuscript(dir: string, options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd()
  const book = await loadBook(dir, { cwd })
  return lintBook(book, await readSuppressions(resolve(cwd, book.root), cwd))
}

/** The suppressions file of a manuscript folder, when it has one. */
export async function readSuppressions(folder: string, cwd: string): Promise<VFile | undefined> {
  const path = join(folder, SUPPRESSIONS_FILE)
  // Anything of the name counts: one that cannot be read (a link leading out, a FIFO) is an error at it.
  const manuscript = openManuscript(folder, cwd)
  if (isRefusal(manuscript) || !isNamed(path)) return undefined
  return readText(path, manuscript)
}
