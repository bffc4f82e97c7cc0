import type { BuildCache } from './cache/store.ts'
import { reloadChanged } from './cache/reload.ts'
import { buildTime } from './clock.ts'
import { coverText, drawnCover, givenCover, type CoverImage } from './cover/image.ts'
import { coverOnThread, type CoverThread } from './workers/cover.ts'
import { BookError } from './errors.ts'
import { loadBook, type Book, type Metadata } from './load/index.ts'
import { loadImages } from './load/images.ts'
import { createNormaliser, type NormaliseOptions } from './normalise/index.ts'
import { assembleEpub, type TextDeflater, type ZipEntry } from './package/index.ts'
import type { ProgressListener, Stage } from './progress/events.ts'
import { renderBook } from './render/index.ts'
import { slugify } from './load/slug.ts'
import { isXmlEntry, verifyBuilt, wellFormedError, type XmlChecker } from './verify/index.ts'
import type { XmlProblem } from './verify/well-formed.ts'
import { generator } from './version.ts'
import { makeTargets, type TargetOutput } from './targets/make.ts'
import type { PreflightOptions } from './targets/preflight/index.ts'
import type { TargetName } from './targets/types.ts'
import { finishLint, readSuppressions } from './lint/index.ts'
import { Pool } from './workers/pool.ts'
import type { DeflatedText, TextSettings } from './workers/tasks.ts'
import { looksLarge, normaliseTexts, PARALLEL_CHARS } from './workers/texts.ts'
import { resolve } from 'node:path'
import type { VFileMessage } from 'vfile-message'

export interface BuildOptions extends NormaliseOptions {
  /** Base for relative paths in messages; defaults to `process.cwd()`. */
  cwd?: string
  /** Environment to read `SOURCE_DATE_EPOCH` from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** Which e-reader variants to make from the one build (default: `['epub']`). */
  targets?: readonly TargetName[]
  /** Options of the Send-to-Kindle preflight (the `kindle` target). */
  preflight?: PreflightOptions
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
  /** One EPUB per target asked for, in the order of `targetNames`; the first is `epub`/`fileName`. */
  outputs: TargetOutput[]
  book: Book
  /** Non-fatal messages from every stage (warnings). */
  messages: VFileMessage[]
}

/**
 * Build a manuscript folder into an EPUB in memory. The stages run in this
 * order and each only reads what the one before it produced:
 * load → typeset (normalise each text) → render (pages, footnotes, word
 * counts, alt text) → package (assemble, targets, zip) → verify → lint.
 * Texts are normalised on worker threads when the book is big enough, and
 * taken from `options.cache` when it holds them; neither changes a byte of
 * the result.
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
  // The cover is drawn on a thread of its own from the start (not for a watch rebuild: its cover is kept).
  const coverThread = options.previous ? undefined : coverOnThread()
  // A big book's worker threads load while the main thread reads it.
  const parallelChars = options.threads === undefined ? PARALLEL_CHARS.byDefault : PARALLEL_CHARS.asked
  if (!options.previous && pool.threads > 0 && looksLarge(resolve(cwd, manuscript), parallelChars)) pool.start()
  cache?.begin()
  // The cover thread starts drawing as soon as book.yaml says what the cover shows.
  let drawn: Promise<Uint8Array> | undefined
  const onMetadata = (metadata: Metadata, hasCover: boolean): void => {
    const text = coverText(metadata)
    if (hasCover || !coverThread || cache?.hasCover(JSON.stringify(text))) return
    drawn = coverThread.draw(text)
    drawn.catch(() => undefined)
  }
  try {
    const previous = options.previous
    const reload = async (): Promise<Book> =>
      (previous && (await reloadChanged(previous.book, previous.changed, cwd))) ?? loadBook(manuscript, { cwd: options.cwd, onMetadata })
    const book = await stage('load', reload, (loaded) => {
      const scenes = loaded.chapters.reduce((sum, chapter) => sum + chapter.scenes.length, 0)
      return `${loaded.chapters.length} chapters, ${scenes} scenes`
    })
    const coverKey = JSON.stringify(coverText(book.metadata))
    const time = buildTime(options.env ?? process.env, book.metadata.date)
    // Texts are linted as they are typeset even when the lint is not reported: it costs little, and
    // the results (cached per text) are then the same for every build.
    const settings: TextSettings = { wordJoiner: options.wordJoiner ?? 'u2060', language: book.metadata.language, lint: true }

    const typeset = await stage(
      'typeset',
      () => normaliseTexts(book, settings, { pool, parallelChars, cache, onChapters: (done, total) => listen?.({ type: 'chapters', done, total }) }),
      ({ stats }) => `${stats.texts} texts${cache ? `, ${stats.cached} from the cache` : ''}${stats.parallel && pool.threads > 0 ? ', on worker threads' : ''}`,
    )
    const normalised = typeset.book
    const texts = [
      ...normalised.front.map((page) => page.text),
      ...normalised.chapters.flatMap((chapter) => [...(chapter.headNote ? [chapter.headNote] : []), ...chapter.scenes, ...(chapter.endNote ? [chapter.endNote] : [])]),
      ...normalised.back.map((page) => page.text),
    ]
    const rendered = await stage(
      'render',
      async () => {
        // Images are found in the parsed Markdown, so they are read after normalising.
        const images = await loadImages(book.folder, texts, book.assets.map((asset) => asset.href))
        if (images.problems.length > 0) throw new BookError(images.problems)
        // Drawing a cover takes a while: the cache keeps it by what is written on it. Drawn on its
        // thread, its bytes come while the book is rendered and packed, and only the zip waits for them.
        // Without a cover thread (run from source) it is drawn here; what draws it is loaded only then.
        const cover = book.cover ? givenCover(book.cover) : (cache?.keptCover(coverKey) ?? (await freshCover(book.metadata, drawn)))
        if (cache && !book.cover && !cache.hasCover(coverKey)) void Promise.resolve(cover.data).then((data) => cache.keepCover(coverKey, { ...cover, data }), () => undefined)
        const rendered = await renderBook(normalised, { ...options, cover, generator }, images, cache?.renderMemo(typeset.keys))
        // The fonts and images the book's own templates name go in beside the style sheet.
        const pages = { ...rendered, resources: [...rendered.resources, ...book.assets] }
        // Rendering warns (removed HTML) and finds book errors too (an image without alt text): stop before packaging.
        const fatal = texts.flatMap((text) => text.file.messages.filter((message) => message.fatal))
        if (fatal.length > 0) throw new BookError(fatal)
        return pages
      },
      (pages) => `${pages.documents.length} pages`,
    )

    // XML checked on a worker as it was deflated there (a big book), by text: verify takes these results.
    const checked: CheckedXml = new Map()
    const outputs = await stage(
      'package',
      async () => {
        const publication = await assembleEpub({ metadata: book.metadata, rendered, templates: book.templates, date: time.date, generator })
        const names = options.targets ?? ['epub']
        const made = makeTargets(publication, names, { slug: slugify(book.metadata.title), date: time.date, preflight: options.preflight, pack: cache, deflate: pool.working ? deflater(pool, settings, checked) : undefined })
        return made
      },
      (made) => made.map((output) => `${output.target} ${Math.round(output.epub.byteLength / 1024)} KiB`).join(', '),
    )
    const problems = await stage(
      'verify',
      async () => {
        // One target after another: the pool runs one batch of tasks at a time.
        const found = []
        for (const output of outputs) found.push(...(await verifyBuilt(output.epub, output.entries, output.fileName, xmlChecker(pool, settings, cache, checked))))
        return found
      },
      (found) => (found.length === 0 ? 'well-formed' : `${found.length} problems`),
    )
    if (problems.length > 0) throw new BookError(problems)
    cache?.prune()
    const { epub, fileName } = outputs[0]!
    const messages = [...book.messages, ...texts.flatMap((text) => text.file.messages)]
    if (options.lint !== false) {
      // Each text was linted as it was typeset; what is left is book-wide.
      const linted = await stage(
        'lint',
        async () => finishLint(book, typeset.lint, await readSuppressions(resolve(cwd, book.root), cwd)).messages,
        (found) => `${found.length} warnings`,
      )
      // A loop, not push(...): a long book can have more findings than a call has room for arguments.
      for (const message of linted) messages.push(message)
    }
    return { epub, fileName, outputs, book, messages }
  } finally {
    coverThread?.cancel()
    await pool.close()
  }
}

/** The cover drawn for this build: on its thread (`drawn`, still coming), else here and now. */
async function freshCover(metadata: Metadata, drawn: Promise<Uint8Array> | undefined): Promise<CoverImage> {
  return drawn ? drawnCover(drawn) : (await import('./cover/index.ts')).coverImage(metadata, undefined)
}

/** XML texts already checked in this build, with what was found (undefined: well-formed). */
type CheckedXml = Map<string, XmlProblem | undefined>

/**
 * Checks XML on the pool (the main thread and, for a big book, its worker
 * threads), skipping documents checked as they were deflated (`checked`)
 * and documents an earlier build found well-formed.
 */
function xmlChecker(pool: Pool, settings: TextSettings, cache: BuildCache | undefined, checked: CheckedXml): XmlChecker {
  return async (entries) => {
    const results: Array<XmlProblem | undefined> = new Array(entries.length)
    const settle = (index: number, problem: XmlProblem | undefined): void => {
      results[index] = problem
      if (!problem) cache?.rememberWellFormed((entries[index] as { text: string }).text)
    }
    const todo: number[] = []
    entries.forEach((entry, index) => {
      if (checked.has(entry.text)) settle(index, checked.get(entry.text))
      else if (!cache?.isWellFormed(entry.text)) todo.push(index)
    })
    await pool.run(
      todo.map((index) => ({ kind: 'xml', text: (entries[index] as { text: string }).text })),
      settings,
      (position, result) => settle(todo[position] as number, result as XmlProblem | undefined),
    )
    return results
  }
}

/**
 * Encodes and deflates texts on the pool: the main thread and the worker
 * threads share them. XML is checked in the same task, while the text is at
 * hand, so the verify stage does not send every page to the threads again.
 */
function deflater(pool: Pool, settings: TextSettings, checked: CheckedXml): TextDeflater {
  return async (texts) => {
    const done = (await pool.run(
      texts.map(({ path, text }) => ({ kind: 'deflate', text, xml: isXmlEntry(path) })),
      settings,
    )) as DeflatedText[]
    done.forEach((result, index) => {
      if (result.xml !== undefined) checked.set((texts[index] as { text: string }).text, result.xml ?? undefined)
    })
    return done.map((result) => result.entry)
  }
}
