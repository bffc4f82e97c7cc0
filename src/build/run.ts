import { resolve } from 'node:path'
import type { BuildCache } from '../cache/store.ts'
import { coverText } from '../cover/image.ts'
import { isLetter, undrawable } from '../cover/coverage.ts'
import { BookError, InternalError } from '../errors.ts'
import type { CoverText } from '../cover/layout.ts'
import type { ProgressListener, Stage } from '../progress/events.ts'
import { memo } from '../cache/memo.ts'
import { coverOnThread, type CoverThread } from '../workers/cover.ts'
import { startExecutor, type Executor } from '../workers/executor.ts'
import { typesetOn, type TypesetTexts } from '../workers/texts.ts'
import type { Metadata } from '../load/index.ts'
import type { BuildOptions } from '../build.ts'

/**
 * What one build holds besides the values its steps pass on: where work
 * runs (the executor: the main thread, or worker threads beside it for a
 * big book; the cover thread), the cache of earlier builds, and who hears
 * its progress. Made by `startRun`, ended by `close`, whether the build
 * succeeds or not.
 */
export interface BuildRun {
  manuscript: string
  options: BuildOptions
  cwd: string
  executor: Executor
  /** The per-text typeset step on the executor, within the cache's memo when there is a cache. */
  typesetTexts: TypesetTexts
  cache: BuildCache | undefined
  /** The cover being drawn on its thread, once book.yaml said what it shows (undefined: none asked). */
  drawnCover(): Promise<Uint8Array> | undefined
  /** Tells the cover thread what to draw, as soon as the book's metadata is read. */
  onMetadata(metadata: Metadata, hasCover: boolean): void
  /** Run one named step, telling the progress listener when it starts and ends. */
  stage<T>(name: Stage, work: () => T | Promise<T>, summary: (value: T) => string): Promise<T>
  /** End the threads (each finishes what it is doing). */
  close(): Promise<void>
}

/**
 * Start a build's run: worker threads begin loading at once when the
 * manuscript looks big enough to use them, and the cover thread starts
 * (not for a watch's rebuild, whose cover is kept).
 */
export function startRun(manuscript: string, options: BuildOptions): BuildRun {
  const listen: ProgressListener | undefined = options.onProgress
  const { cache } = options
  const cwd = options.cwd ?? process.cwd()
  const executor = startExecutor(resolve(cwd, manuscript), options.threads, options.previous !== undefined)
  const cover: CoverThread | undefined = options.previous ? undefined : coverOnThread()
  cache?.begin()
  // A text's result is remembered by its content and the settings it was typeset with (textKey).
  const typesetTexts = cache ? memo(typesetOn(executor), (settings, text) => cache.textKey(settings, text.value), cache.texts) : typesetOn(executor)
  let drawn: Promise<Uint8Array> | undefined
  return {
    manuscript,
    options,
    cwd,
    executor,
    typesetTexts,
    cache,
    drawnCover: () => drawn,
    onMetadata(metadata, hasCover) {
      const text: CoverText = coverText(metadata)
      // A title in a script the cover's font lacks is refused after loading (language-checks.ts): nothing to draw.
      if (hasCover || !cover || cache?.hasCover(JSON.stringify(text)) || undrawable(text).some(isLetter)) return
      drawn = cover.draw(text)
      drawn.catch(() => undefined)
    },
    async stage(name, work, summary) {
      const start = performance.now()
      listen?.({ type: 'start', stage: name })
      let value: Awaited<ReturnType<typeof work>>
      try {
        value = await work()
      } catch (error) {
        // The book's own problems go on as they are; anything else is a bug, named by its stage.
        if (error instanceof BookError || error instanceof InternalError) throw error
        throw new InternalError(name, error)
      }
      listen?.({ type: 'end', stage: name, summary: summary(value), ms: performance.now() - start })
      return value
    },
    async close() {
      cover?.cancel()
      await executor.close()
    },
  }
}
