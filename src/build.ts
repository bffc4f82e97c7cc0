import type { BuildCache } from './cache/store.ts'
import { BookError } from './errors.ts'
import type { Book } from './load/index.ts'
import { createNormaliser, type NormaliseOptions } from './normalise/index.ts'
import type { ProgressListener } from './progress/events.ts'
import type { TargetOutput } from './targets/make.ts'
import type { PreflightOptions } from './targets/preflight/index.ts'
import type { TargetName } from './targets/types.ts'
import { startRun, type BuildRun } from './build/run.ts'
import { assemble, lint, load, render, targets, typeset, verify } from './build/steps.ts'
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
 * Build a manuscript folder into an EPUB in memory, as a list of steps, each
 * a function of the value the one before made (src/build/steps.ts;
 * docs/architecture.md follows one build through them):
 * load → typeset → render → assemble → targets → verify → lint.
 * Where work runs (one executor: the main thread, or worker threads beside
 * it for a big book; and the cover's thread) and the cache of earlier
 * builds (a memo around the typeset step) belong to the run
 * (src/build/run.ts); neither changes a byte of the result.
 * Throws `BookError` (positioned messages) when the book cannot be built.
 */
export async function build(manuscript: string, options: BuildOptions = {}): Promise<BuildResult> {
  // Checks the options before any file is read.
  createNormaliser(options)
  const run = startRun(manuscript, options)
  try {
    const book = await run.stage('load', () => load(run), describeLoad)
    const typesetBook = await run.stage('typeset', () => typeset(run, book), describeTypeset(run))
    const rendered = await run.stage('render', () => render(run, typesetBook), ({ pages }) => `${pages.documents.length} pages`)
    const packed = await run.stage('package', async () => targets(run, await assemble(run, rendered)), describePackage)
    const verified = await run.stage('verify', () => verify(run, packed), ({ problems }) => (problems.length === 0 ? 'well-formed' : `${problems.length} problems`))
    if (verified.problems.length > 0) throw new BookError(verified.problems)
    options.cache?.prune()
    const messages = [...book.messages, ...rendered.warnings, ...typesetBook.texts.flatMap((text) => text.file.messages)]
    // Each text was linted as it was typeset; what is left is book-wide.
    const linted = options.lint === false ? [] : await run.stage('lint', () => lint(run, typesetBook), (found) => `${found.length} warnings`)
    // A loop, not push(...): a long book can have more findings than a call has room for arguments.
    for (const message of linted) messages.push(message)
    const { epub, fileName } = verified.outputs[0]!
    return { epub, fileName, outputs: verified.outputs, book, messages }
  } finally {
    await run.close()
  }
}

function describeLoad(book: Book): string {
  const scenes = book.chapters.reduce((sum, chapter) => sum + chapter.scenes.length, 0)
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`
  return `${count(book.chapters.length, 'chapter')}, ${count(scenes, 'scene')}`
}

function describeTypeset({ cache, executor }: BuildRun): (typeset: { texts: readonly unknown[] }) => string {
  return ({ texts }) => {
    const cached = cache?.stats.hits ?? 0
    return `${texts.length} texts${cache ? `, ${cached} from the cache` : ''}${executor.threads > 0 && cached < texts.length ? ', on worker threads' : ''}`
  }
}

function describePackage({ outputs }: { outputs: readonly TargetOutput[] }): string {
  return outputs.map((output) => `${output.target} ${Math.round(output.epub.byteLength / 1024)} KiB`).join(', ')
}
