import { readdirSync, statSync, type Dirent } from 'node:fs'
import { join } from 'node:path'
import type { XmlProblem } from '../verify/well-formed.ts'
import { defaultThreads, Pool } from './pool.ts'
import { runnersBySettings, type DeflatedText, type Task, type TextResult, type TextSettings } from './tasks.ts'

/** What a task gives: a text typeset, an XML document's problem (undefined: well-formed), a text deflated. */
export type ResultOf<T extends Task> = T extends { kind: 'text' } ? TextResult : T extends { kind: 'xml' } ? XmlProblem | undefined : DeflatedText

export interface MapOptions<T extends Task> {
  /** What a text task typesets with (the book's language and the rest); other tasks need none. */
  settings?: TextSettings
  /** Hears each result as it is done, with its task's index. */
  onEach?: (index: number, result: ResultOf<T>) => void
}

/**
 * Where the build's work on many texts runs. `map` runs one kind of task
 * (workers/tasks.ts: typeset a text, check an XML document, deflate a
 * text) over its inputs and gives the results in their order, whoever ran
 * them, so no byte of a book depends on where it was made. Two
 * implementations: `onMainThread` and the `Pool` of worker threads, which
 * the main thread works in too; `startExecutor` picks one per build.
 */
export interface Executor {
  /** Worker threads taking part besides the main thread (0: the main thread alone). */
  readonly threads: number
  map<T extends Task>(tasks: readonly T[], options?: MapOptions<T>): Promise<Array<ResultOf<T>>>
  /** End the threads, if any (each finishes what it is doing). */
  close(): Promise<void>
}

/** Every task run here, one after another, as it comes. */
export function onMainThread(): Executor {
  const runnerFor = runnersBySettings()
  return {
    threads: 0,
    async map(tasks, { settings, onEach } = {}) {
      const run = runnerFor(settings)
      return tasks.map((task, index) => {
        const result = run(task) as ResultOf<(typeof tasks)[number]>
        onEach?.(index, result)
        return result
      })
    },
    close: async () => undefined,
  }
}

/**
 * Below this many characters of Markdown, worker threads cost more to
 * start (and to warm up) than they save. By default the threshold counts
 * the cover thread, which takes a second core at the start of a build: on
 * 2 cores a 100,000-word book (600,000 characters) built in 0.85 s
 * without a worker and 1.05 s with one, a 1,000,000-word book in 2.26 s
 * without and 2.16 s with. Asked for by `threads`, they start sooner.
 */
const PARALLEL_CHARS = { byDefault: 2_000_000, asked: 400_000 } as const

/**
 * The executor for a build of the manuscript at `folder`: the pool when
 * there are threads to use (`threads`, else one per further core) and the
 * book is big enough for them, else the main thread. Chosen before the book
 * is read, from file sizes, so the threads load while the main thread
 * reads it. A watch's rebuild (`rebuild`) typesets only the texts saved:
 * the main thread.
 */
export function startExecutor(folder: string, threads: number | undefined, rebuild: boolean): Executor {
  const workers = threads ?? defaultThreads()
  const enough = threads === undefined ? PARALLEL_CHARS.byDefault : PARALLEL_CHARS.asked
  return !rebuild && workers > 0 && looksLarge(folder, enough) ? new Pool(workers) : onMainThread()
}

/**
 * Whether a manuscript folder holds at least `chars` characters of
 * Markdown, told from file sizes alone. Bytes count for characters (UTF-8
 * makes it an overestimate for non-Latin scripts, which only starts the
 * threads a little sooner).
 */
function looksLarge(folder: string, chars: number): boolean {
  let bytes = 0
  const add = (dir: string, depth: number): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (bytes >= chars) return
      const path = join(dir, entry.name)
      if (entry.isDirectory() && depth > 0) add(path, depth - 1)
      else if (entry.isFile() && entry.name.endsWith('.md')) bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0
    }
  }
  for (const part of ['front', 'chapters', 'back']) add(join(folder, part), part === 'chapters' ? 1 : 0)
  return bytes >= chars
}
