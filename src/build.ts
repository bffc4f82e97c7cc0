import type { BuildCache } from './cache/store.ts'
import { reloadChanged } from './cache/reload.ts'
import { buildTime } from './clock.ts'
import { coverText, drawnCover, givenCover, type CoverImage } from './cover/image.ts'
import { isLetter, undrawable } from './cover/coverage.ts'
import { coverOnThread, type CoverThread } from './workers/cover.ts'
import { BookError, InternalError } from './errors.ts'
import { loadBook, type Book, type Metadata } from './load/index.ts'
import { loadImages } from './load/images.ts'
import { createNormaliser, type NormaliseOptions } from './normalise/index.ts'
import { assembleEpub, type TextDeflater, type ZipEntry } from './package/index.ts'
import type { ProgressListener, Stage } from './progress/events.ts'
import { renderBook } from './render/index.ts'
import { LABEL_LANGUAGES, labelTable } from './render/labels.ts'
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
import { join, resolve } from 'node:path'
import { VFileMessage } from 'vfile-message'
import { neutralWarning, resolveLanguage } from './normalise/typography/languages/resolve.ts'

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
    let value: T
    try {
      value = await work()
    } catch (error) {
      // The book's own problems go on as they are; anything else is a bug, named by its stage.
      if (error instanceof BookError || error instanceof InternalError) throw error
      throw new InternalError(name, error)
    }
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
  // For a big book the pool's first worker is the cover thread, once the cover is drawn.
  if (coverThread) pool.lend(() => coverThread.handOver())
  // A big book's worker threads load while the main thread reads it.
  const parallelChars = options.threads === undefined ? PARALLEL_CHARS.byDefault : PARALLEL_CHARS.asked
  if (!options.previous && pool.threads > 0 && looksLarge(resolve(cwd, manuscript), parallelChars)) pool.start()
  cache?.begin()
  // The cover thread starts drawing as soon as book.yaml says what the cover shows.
  let drawn: Promise<Uint8Array> | undefined
  const onMetadata = (metadata: Metadata, hasCover: boolean): void => {
    const text = coverText(metadata)
    if (hasCover || !coverThread || cache?.hasCover(JSON.stringify(text)) || undrawable(text).some(isLetter)) return
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
    if (!book.cover) refuseUndrawableCover(book)
    const time = buildTime(options.env ?? process.env, book.metadata.date)
    // Texts are linted as they are typeset even when the lint is not reported: it costs little, and
    // the results (cached per text) are then the same for every build.
    const settings: TextSettings = {
      wordJoiner: options.wordJoiner ?? 'u2060',
      language: book.metadata.language,
      lint: true,
      ...(book.metadata.dialogueDashes === undefined ? {} : { dialogueDashes: book.metadata.dialogueDashes }),
      ...(book.metadata.labels === undefined ? {} : { labels: book.metadata.labels }),
      ...(options.nbsp === 'regular' ? { nbsp: 'regular' as const } : {}),
      ...(book.metadata.quotes === undefined ? {} : { quotes: book.metadata.quotes }),
    }
    book.messages.push(...languageNotes(book))

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
    /** Warnings about image files (a removed DOCTYPE), reported with the texts' messages. */
    const imageWarnings: VFileMessage[] = []
    const rendered = await stage(
      'render',
      async () => {
        // Images are found in the parsed Markdown, so they are read after normalising.
        const images = await loadImages(book.folder, texts, book.assets.map((asset) => asset.href))
        if (images.problems.length > 0) throw new BookError(images.problems)
        imageWarnings.push(...images.warnings)
        // Drawing a cover takes a while: the cache keeps it by what is written on it. Drawn on its
        // thread, its bytes come while the book is rendered and packed, and only the zip waits for them.
        // Without a cover thread (run from source) it is drawn here; what draws it is loaded only then.
        const cover = book.cover ? givenCover(book.cover) : (cache?.keptCover(coverKey) ?? (await freshCover(book.metadata, drawn)))
        if (cache && !book.cover && !cache.hasCover(coverKey)) void Promise.resolve(cover.data).then((data) => cache.keepCover(coverKey, { ...cover, data }), () => undefined)
        const rendered = await renderBook(normalised, { ...options, language: book.metadata.language, dialogueDashes: book.metadata.dialogueDashes, quotes: book.metadata.quotes, cover, generator }, images, cache?.renderMemo(typeset.keys))
        // The fonts and images the book's own templates name go in beside the style sheet.
        const pages = { ...rendered, resources: [...rendered.resources, ...book.assets] }
        // Rendering warns (removed HTML) and finds book errors too (an image without alt text): stop before packaging.
        const fatal = [...texts.flatMap((text) => text.file.messages), ...(pages.messages ?? [])].filter((message) => message.fatal)
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
        // A small book's zip mostly waits for the cover from its thread: this thread checks the pages meanwhile
        // (the `epub` target's pages are the publication's own; the other targets change theirs).
        if (!pool.working && names.includes('epub')) checkAhead(publication.entries, cache, checked)
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
    const messages = [...book.messages, ...imageWarnings, ...(rendered.messages ?? []), ...texts.flatMap((text) => text.file.messages)]
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
 * Checks the XML texts among `entries` here and now, for the verify stage
 * to take (`checked`). Called while the targets are zipped, which for a
 * small book wait for the drawn cover: the checking fills that wait instead
 * of coming after it. The same checks as `xmlChecker`, skipping the same
 * texts an earlier build found well-formed.
 */
function checkAhead(entries: readonly ZipEntry[], cache: BuildCache | undefined, checked: CheckedXml): void {
  for (const { path, data } of entries) {
    if (typeof data === 'string' && isXmlEntry(path) && !checked.has(data) && !cache?.isWellFormed(data)) checked.set(data, wellFormedError(data))
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

/**
 * Warnings on book.yaml when the book's language has no typography rules
 * of its own (it gets the neutral set), or no table of the words colophon
 * writes (they are English, unless `labels:` gives them).
 */
function languageNotes(book: Book): VFileMessage[] {
  const { language } = book.metadata
  const notes: VFileMessage[] = []
  const note = (reason: string, ruleId: string): void => {
    const message = new VFileMessage(reason, { ruleId, source: 'colophon-typography' })
    message.file = join(book.root, 'book.yaml')
    notes.push(message)
  }
  if (!resolveLanguage(language).known) note(neutralWarning(language), 'typography-language')
  if (!labelTable(language)) {
    note(`Unexpected language \`${language}\` for the words colophon writes (Contents, Chapter …), expected one with a table (${LABEL_LANGUAGES.join(', ')}); they are in English unless \`labels:\` in book.yaml gives them`, 'labels-language')
  }
  return notes
}

/**
 * A book with no cover of its own gets one drawn in EB Garamond, which has
 * Latin, Greek and Cyrillic letters: a title in another script (Chinese,
 * Japanese, Arabic, Hebrew, Devanagari …) is refused, not drawn with its
 * letters left out.
 */
function refuseUndrawableCover(book: Book): void {
  // The load stage refused letters of book.yaml's own values at their place; these come from the labels (`Part 2 of …`).
  const missing = undrawable(coverText(book.metadata)).filter(isLetter)
  if (missing.length === 0) return
  const shown = missing.slice(0, 5).map((character) => `\`${character}\` (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')
  const message = new VFileMessage(
    `Unexpected ${shown}${missing.length > 5 ? ' …' : ''} on the drawn cover, whose font (EB Garamond) draws Latin, Greek and Cyrillic letters only; expected a cover.png or cover.jpg in the manuscript folder`,
    { ruleId: 'cover-script', source: 'colophon-cover' },
  )
  message.file = join(book.root, 'book.yaml')
  message.line = 1
  message.column = 1
  message.fatal = true
  throw new BookError([message])
}
