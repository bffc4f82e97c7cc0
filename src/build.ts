import { buildTime } from './clock.ts'
import { coverImage } from './cover/index.ts'
import { BookError } from './errors.ts'
import { loadBook, type Book } from './load/index.ts'
import { loadImages } from './load/images.ts'
import { normaliseBook, type NormaliseOptions, type SourceTrees } from './normalise/index.ts'
import { assembleEpub } from './package/index.ts'
import { renderBook } from './render/index.ts'
import { slugify } from './load/slug.ts'
import { verifyEpub } from './verify/index.ts'
import { makeTargets, type PreflightOptions, type TargetName, type TargetOutput } from './targets/index.ts'
import { generator } from './version.ts'
import { lintBook, readSuppressions } from './lint/index.ts'
import { resolve } from 'node:path'
import type { VFileMessage } from 'vfile-message'

export interface BuildOptions extends NormaliseOptions {
  /** Folder that message paths are relative to; defaults to `process.cwd()`. */
  cwd?: string
  /** Environment to read `SOURCE_DATE_EPOCH` from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** Which e-reader variants to make from the one build (default: `['epub']`). */
  targets?: readonly TargetName[]
  /** Options of the Send-to-Kindle preflight (the `kindle` target). */
  preflight?: PreflightOptions
  /** Run `colophon lint` on the manuscript and add its warnings to `messages` (default: true). */
  lint?: boolean
}

export interface BuildResult {
  /** The EPUB's bytes; nothing is written: the caller decides where. */
  epub: Uint8Array
  /** File name the book would have in `dist/`: `<slug>.epub`. */
  fileName: string
  /** One EPUB per target asked for, in the order of `targetNames`; the first is `epub`/`fileName`. */
  outputs: TargetOutput[]
  book: Book
  /** Non-fatal messages from every stage (warnings). */
  messages: VFileMessage[]
}

/**
 * Build a manuscript folder into an EPUB in memory. The stages run in this
 * order and each only reads what the one before it produced:
 * load → normalise → render → package → targets (one variant per e-reader) → verify.
 * Throws `BookError` (positioned messages) when the book cannot be built.
 */
export async function build(manuscript: string, options: BuildOptions = {}): Promise<BuildResult> {
  const book = await loadBook(manuscript, { cwd: options.cwd })
  const time = buildTime(options.env ?? process.env, book.metadata.date)
  const sourceTrees: SourceTrees = new Map()
  const normalised = normaliseBook(book, options, options.lint === false ? undefined : sourceTrees)
  const texts = [
    ...normalised.front.map((page) => page.text),
    ...normalised.chapters.flatMap((chapter) => [...chapter.scenes, ...(chapter.endNote ? [chapter.endNote] : [])]),
    ...normalised.back.map((page) => page.text),
  ]
  // Images are found in the parsed Markdown, so they are read after normalising.
  const images = await loadImages(book.folder, texts)
  if (images.problems.length > 0) throw new BookError(images.problems)
  const cover = coverImage(book.metadata, book.cover)
  const rendered = renderBook(normalised, { ...options, cover, generator }, images)
  // Rendering warns (removed HTML) and finds book errors too (an image without alt text): stop before packaging.
  const fatal = texts.flatMap((text) => text.file.messages.filter((message) => message.fatal))
  if (fatal.length > 0) throw new BookError(fatal)
  const publication = await assembleEpub({ metadata: book.metadata, rendered, templates: book.templates, date: time.date, generator })
  const outputs = await makeTargets(publication, options.targets ?? ['epub'], { slug: slugify(book.metadata.title), date: time.date, preflight: options.preflight })
  const problems = (await Promise.all(outputs.map((output) => verifyEpub(output.epub, output.fileName)))).flat()
  if (problems.length > 0) throw new BookError(problems)
  const { epub, fileName } = outputs[0]!
  const messages = [...book.messages, ...texts.flatMap((text) => text.file.messages)]
  if (options.lint !== false) {
    const cwd = options.cwd ?? process.cwd()
    // A loop, not push(...): a long book can have more findings than a call has room for arguments.
    for (const message of lintBook(book, await readSuppressions(resolve(cwd, book.root), cwd), sourceTrees).messages) messages.push(message)
  }
  return { epub, fileName, outputs, book, messages }
}
