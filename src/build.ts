import type { BuildCache } from './cache/store.ts'
import { buildTime } from './clock.ts'
import { BookError } from './errors.ts'
import { loadBook, type Book } from './load/index.ts'
import { slugify } from './load/slug.ts'
import { createNormaliser, type NormaliseOptions } from './normalise/index.ts'
import { epubEntries, zipEpub } from './package/index.ts'
import type { ProgressListener, Stage } from './progress/events.ts'
import { labelsFor, renderBook, type TextSettings, type TypesetBook } from './render/index.ts'
import type { VFile } from 'vfile'
import { verifyContainer, verifyXml, type XmlChecker } from './verify/index.ts'
import { Pool } from './workers/pool.ts'
import type { XmlProblem } from './verify/well-formed.ts'
import { lintOnThread } from './workers/lint.ts'
import { reloadChanged } from './cache/reload.ts'
import { PARALLEL_CHARS, typesetBook } from './workers/texts.ts'
import { lintBook, readSuppressions } from './lint/index.ts'
import { resolve } from 'node:path'
import type { VFileMessage } from 'vfile-message'

export interface BuildOptions extends NormaliseOptions {
  /** Folder that message paths are relative to; defaults to `process.cwd()`. */
  cwd?: string
  /** Environment to read `SOURCE_DATE_EPOCH` from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /**
   * Results of earlier builds to reuse (`colophon build` keeps one on disk,
   * `--watch` in memory). The output is the same with or without it.
   */
  cache?: BuildCache
  /** Worker threads besides the main thread; default: one per further core (none when run from source). */
  threads?: number
  /** Hears each stage start and end, and chapters done while texts are typeset. */
  onProgress?: ProgressListener
  /**
   * The book as the last build loaded it, and the files saved since
   * (absolute paths): when only Markdown texts changed, only they are read
   * again (watch mode). Anything else loads the book as usual.
   */
  previous?: { book: Book; changed: readonly string[] }
  /** Run `colophon lint` on the manuscript and add its warnings to `messages` (default: true). */
  lint?: boolean
}

export interface BuildResult {
  /** The EPUB's bytes; nothing is written: the caller decides where. */
  epub: Uint8Array
  /** File name the book would have in `dist/`: `<slug>.epub`. */
  fileName: string
  book: Book
  /** Non-fatal messages from every stage (warnings). */
  messages: VFileMessage[]
}

/**
 * Build a manuscript folder into an EPUB in memory. The stages run in this
 * order and each only reads what the one before it produced:
 * load → typeset (normalise and render each text) → render (pages) →
 * package → verify. Texts are typeset on worker threads when the book is
 * big enough, and taken from `options.cache` when it holds them; neither
 * changes a byte of the result.
 * Throws `BookError` (positioned messages) when the book cannot be built.
 */
export async function build(manuscript: string, options: BuildOptions = {}): Promise<BuildResult> {
  const listen = options.onProgress
  const stage = async <T>(name: Stage, work: () => T | Promise<T>, summary: (value: T) => string): Promise<T> => {
    const start = performance.now()
    listen?.({ type: 'start', stage: name })
    const value = await work()
    listen?.({ type: 'end', stage: name, summary: summary(value), ms: performance.now() - start })
    return value
  }
  const { cache } = options
  // Checks the options before any file is read.
  createNormaliser(options)
  const pool = new Pool(options.threads)
  const cwd = options.cwd ?? process.cwd()
  let lintJob: ReturnType<typeof lintOnThread>
  cache?.begin()
  try {
    const previous = options.previous
    const reload = async (): Promise<Book> =>
      (previous && (await reloadChanged(previous.book, previous.changed, cwd))) ?? loadBook(manuscript, { cwd: options.cwd })
    const book = await stage('load', reload, (loaded) => {
      const scenes = loaded.chapters.reduce((sum, chapter) => sum + chapter.scenes.length, 0)
      return `${loaded.chapters.length} chapters, ${scenes} scenes`
    })
    // A big book is linted on a thread of its own while it is typeset.
    if (options.lint !== false && pool.threads > 0 && bookChars(book) >= PARALLEL_CHARS) lintJob = lintOnThread(manuscript, cwd)
    const time = buildTime(options.env ?? process.env, book.metadata.date)
    const settings: TextSettings = { wordJoiner: options.wordJoiner ?? 'u2060', sceneBreakLabel: labelsFor(book.metadata.language).sceneBreak }

    const typeset = await stage(
      'typeset',
      () => typesetBook(book, settings, { pool, cache, onChapters: (done, total) => listen?.({ type: 'chapters', done, total }) }),
      ({ stats }) => `${stats.texts} texts${cache ? `, ${stats.cached} from the cache` : ''}${stats.parallel && pool.threads > 0 ? ', on worker threads' : ''}`,
    )
    // Rendering warns (removed HTML) and may find errors on the texts' files; image files may be wrong.
    if (typeset.images.problems.length > 0) throw new BookError(typeset.images.problems)
    const fatal = allTexts(typeset.book).flatMap((file) => file.messages.filter((message) => message.fatal))
    if (fatal.length > 0) throw new BookError(fatal)
    const rendered = await stage(
      'render',
      () => renderBook(typeset.book, options, cache?.renderMemo(settings), typeset.images),
      (pages) => `${pages.documents.length} pages`,
    )

    const fileName = `${slugify(book.metadata.title)}.epub`
    const entries = epubEntries({ metadata: book.metadata, rendered, templates: book.templates, date: time.date })
    const epub = await stage('package', () => zipEpub(entries, time.date, cache), (bytes) => `${entries.length + 1} files, ${Math.round(bytes.byteLength / 1024)} KiB`)

    const problems = await stage(
      'verify',
      async () => [
        ...verifyContainer(epub, fileName),
        ...(await verifyXml(
          entries.flatMap((entry) => (typeof entry.data === 'string' ? [{ path: entry.path, text: entry.data }] : [])),
          fileName,
          checkXml(pool, settings, cache),
        )),
      ],
      (found) => (found.length === 0 ? 'well-formed' : `${found.length} problems`),
    )
    if (problems.length > 0) throw new BookError(problems)
    cache?.prune()
    const messages = [...book.messages, ...allTexts(typeset.book).flatMap((file) => file.messages)]
    if (options.lint !== false) {
      const job = lintJob
      const linted = await stage(
        'lint',
        async () => (job ? job.result : lintBook(book, await readSuppressions(resolve(cwd, book.root), cwd)).messages),
        (found) => `${found.length} warnings${job ? ', on a worker thread' : ''}`,
      )
      messages.push(...linted)
    }
    return { epub, fileName, book, messages }
  } finally {
    lintJob?.cancel()
    await pool.close()
  }
}

function allTexts(book: TypesetBook): VFile[] {
  return [
    ...book.front.map((page) => page.text.file),
    ...book.chapters.flatMap((chapter) => [...chapter.scenes.map((scene) => scene.file), ...(chapter.endNote ? [chapter.endNote.file] : [])]),
    ...book.back.map((page) => page.text.file),
  ]
}

function bookChars(book: Book): number {
  let chars = 0
  for (const page of [...book.front, ...book.back]) chars += String(page.file.value).length
  for (const chapter of book.chapters) for (const scene of chapter.scenes) chars += String(scene.value).length
  return chars
}

/** Well-formedness on the pool, skipping documents the cache has seen well-formed. */
function checkXml(pool: Pool, settings: TextSettings, cache: BuildCache | undefined): XmlChecker {
  return async (entries) => {
    const results: Array<XmlProblem | undefined> = new Array(entries.length)
    const todo = entries.flatMap((entry, index) => (cache?.isWellFormed(entry.text) ? [] : [index]))
    const checked = await pool.run(
      todo.map((index) => ({ kind: 'xml', text: entries[index]?.text ?? '' })),
      settings,
    )
    todo.forEach((index, position) => {
      const problem = checked[position] as XmlProblem | undefined
      results[index] = problem
      if (!problem) cache?.rememberWellFormed(entries[index]?.text ?? '')
    })
    return results
  }
}
