import { watch } from 'node:fs'
import { resolve } from 'node:path'
import { BookError } from '../errors.ts'
import { writeCache } from '../cache/disk.ts'
import type { BuildCache } from '../cache/store.ts'
import { inOutputFolder } from '../load/output-folder.ts'
import { report } from './report.ts'

export interface WatchOptions {
  cache: BuildCache
  /** Where to save the cache once edits pause; undefined with `--no-cache`. */
  diskCache?: string
  /** Build with the in-memory cache (linting as it goes) and write the EPUB; `changed` are the files saved (absolute paths). */
  rebuild: (changed: string[]) => Promise<void>
}

/** Editors save in bursts (write, rename, chmod): wait this long for the burst to end. */
const SETTLE_MS = 15
/** Save the cache to disk once nothing has changed for this long. */
const SAVE_AFTER_MS = 2_000

/**
 * `colophon build --watch`: rebuild whenever a file of the manuscript
 * changes, reusing every text, deflated file and check that did not change,
 * until interrupted. A failed rebuild reports its messages and keeps
 * watching; the last good EPUB stays as it was.
 */
export async function watchBuild(dir: string, options: WatchOptions): Promise<never> {
  let timer: NodeJS.Timeout | undefined
  let saveTimer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  /** Files changed since the last rebuild started, as absolute paths. */
  let changed = new Set<string>()

  const run = async (): Promise<void> => {
    if (running) {
      again = true
      return
    }
    running = true
    const start = performance.now()
    const cpu = process.cpuUsage()
    const files = [...changed]
    changed = new Set()
    try {
      await options.rebuild(files)
      const used = process.cpuUsage(cpu)
      const cpuMs = Math.round((used.user + used.system) / 1000)
      process.stderr.write(
        `colophon: rebuilt in ${Math.round(performance.now() - start)} ms, ${cpuMs} ms CPU (${options.cache.stats.misses} texts typeset, ${options.cache.stats.hits} from the cache)\n`,
      )
    } catch (error) {
      if (error instanceof BookError) process.stderr.write(`${await report(error.messages)}\n`)
      else process.stderr.write(`colophon: ${error instanceof Error ? error.message : String(error)}\n`)
      process.stderr.write('colophon: rebuild failed; the previous book was left as it was\n')
    } finally {
      running = false
    }
    if (options.diskCache) {
      clearTimeout(saveTimer)
      const path = options.diskCache
      saveTimer = setTimeout(() => void writeCache(path, options.cache), SAVE_AFTER_MS)
    }
    if (again) {
      again = false
      await run()
    }
  }

  const root = resolve(dir)
  const watcher = watch(root, { recursive: true }, (event, name) => {
    // Editors' swap and backup files, and our own temporary files, are not the manuscript.
    const file = String(name ?? '')
    if (/(^|[\\/])\.|~$|\.(swp|swx|tmp)$/.test(file)) return
    // The book written into the manuscript's dist/ is not an edit of it.
    if (inOutputFolder(file)) return
    // A file made, removed or renamed (or no name given) makes the next build load the whole book.
    changed.add(event === 'change' && file ? resolve(root, file) : `${root}/`)
    clearTimeout(timer)
    timer = setTimeout(() => void run(), SETTLE_MS)
  })
  process.stderr.write(`colophon: watching ${dir} for changes (Ctrl-C to stop)\n`)
  return new Promise<never>(() => {
    // Runs until the process is interrupted; the watcher keeps it alive.
    void watcher
  })
}
