import { writeSync } from 'node:fs'
import { VFileMessage } from 'vfile-message'
import { join, relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import { build, type BuildOptions } from '../build.ts'
import { parseTargets, type TargetName } from '../targets/types.ts'
import { BookError } from '../errors.ts'
import type { Book } from '../load/index.ts'
import { cachePath, readCache, writeCache } from '../cache/disk.ts'
import { BuildCache } from '../cache/store.ts'
import { createProgress, progressMode } from '../progress/index.ts'
import { report } from './report.ts'
import { UsageError, WarningsFailed } from './index.ts'
import { abandonWrites, committedWrites, isDirectory, isFile, writeAtomic } from './write-atomic.ts'

export interface BuildCommandOptions {
  out?: string
  /** `epub`, `kobo`, `kindle`, `apple`, `all` or a comma-separated list. */
  target?: string
  wordJoiner: 'u2060' | 'feff'
  nbsp?: 'narrow' | 'regular'
  /** Lint warnings fail the build: nothing is written, exit 1. */
  frail?: boolean
  /** `--no-cache` sets false: neither read nor write `.colophon-cache/`. */
  cache?: boolean
  watch?: boolean
  threads?: number
}

/**
 * `colophon build`: build every target in memory, and only when all of them
 * succeeded, replace the EPUBs. One target is written to `--out FILE` (or
 * `dist/<name>`); several go into the `--out` folder (or `dist/`).
 */
export async function runBuild(dir: string, options: BuildCommandOptions): Promise<void> {
  const targets = parseTargets(options.target ?? 'epub')
  if (!targets) throw new UsageError(`--target \`${options.target}\` is not a target, expected epub, kobo, kindle, apple, all or a comma-separated list of them`)
  const interrupted = (signal: NodeJS.Signals): void => {
    abandonWrites()
    const [written] = committedWrites()
    say(
      written
        ? `colophon: interrupted (${signal}) after the book was written whole to ${relative(process.cwd(), written) || written}\n`
        : `colophon: interrupted (${signal}); the previous book was left as it was\n`,
    )
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  // From here on an interrupt leaves the previous book as it was: say so.
  process.stderr.write(`colophon: building ${dir}\n`)
  try {
    const single = targets.length === 1
    // A bad --out is found before the build, so a long build is not wasted on it.
    if (options.out && single) await checkOut(resolve(options.out), options.out, dir)
    if (options.out && !single && (await isFile(options.out))) {
      throw new UsageError(`--out \`${options.out}\` is a file, expected a folder for ${targets.length} targets`)
    }
    const diskCache = options.cache === false ? undefined : cachePath(dir)
    const cache = diskCache ? await readCache(diskCache) : options.watch ? new BuildCache() : undefined
    const progress = createProgress(progressMode(process.stderr, process.env), process.stderr)
    let last: Book | undefined
    try {
      last = (await buildAndWrite(dir, options, targets, { cache, onProgress: progress.listener })).book
    } finally {
      progress.done()
    }
    if (diskCache && cache) await writeCache(diskCache, cache)
    if (options.watch && cache) {
      const { watchBuild } = await import('./watch.ts')
      // A rebuild lints as it typesets: texts that did not change bring their findings from the cache.
      await watchBuild(dir, {
        cache,
        diskCache,
        rebuild: async (changed) => {
          const previous = last && { book: last, changed }
          // After a failed rebuild the next one loads the whole book: the saves it missed are not listed again.
          last = undefined
          last = (await buildAndWrite(dir, options, targets, { cache, previous })).book
        },
      })
    }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
}

/** One build, its messages reported and every target's EPUB written atomically; returns the book. */
export async function buildAndWrite(
  dir: string,
  options: BuildCommandOptions,
  targets: readonly TargetName[],
  extra: Pick<BuildOptions, 'cache' | 'onProgress' | 'lint' | 'previous'>,
): Promise<{ book: Book }> {
  const single = targets.length === 1
  const result = await build(dir, { wordJoiner: options.wordJoiner, nbsp: options.nbsp, targets, threads: options.threads, ...extra })
  if (result.messages.length > 0) process.stderr.write(`${await report(shownOf(result.messages, dir))}\n`)
  if (options.frail && result.messages.length > 0) {
    throw new WarningsFailed(`${result.messages.length} warning${result.messages.length === 1 ? '' : 's'} and --frail; the book was not written`)
  }
  const writes = result.outputs.map((output) => ({
    output,
    path: resolve(single ? (options.out ?? join('dist', output.fileName)) : join(options.out ?? 'dist', output.fileName)),
  }))
  for (const { path } of writes) await checkOut(path, single ? (options.out ?? path) : path, dir)
  for (const { output, path } of writes) {
    try {
      await writeAtomic(path, output.epub)
    } catch (error) {
      throw cannotWrite(path, error)
    }
    process.stderr.write(`colophon: wrote ${relative(process.cwd(), path) || path} (${Math.round(output.epub.byteLength / 1024)} KiB, ${output.target})\n`)
  }
  return { book: result.book }
}


/**
 * Write to standard error now, past anything still queued (a long report),
 * because the process exits right after: a queued write would be lost.
 */
function say(text: string): void {
  const bytes = Buffer.from(text)
  for (let written = 0, tries = 0; written < bytes.length && tries < 1000; tries++) {
    try {
      written += writeSync(2, bytes, written)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return
    }
  }
}

async function checkOut(out: string, given: string, dir: string): Promise<void> {
  if (await isDirectory(out)) throw new UsageError(`--out \`${given}\` is a folder, expected a file name such as book.epub`)
  const inside = relative(resolve(dir), out)
  if (inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== out)) {
    throw new UsageError(`--out \`${given}\` is inside the manuscript folder, expected a path outside it (it would overwrite or add to the manuscript)`)
  }
}

/** A write that failed: a book error naming the file and what was expected, no stack. */
function cannotWrite(out: string, error: unknown): BookError {
  const code = (error as NodeJS.ErrnoException).code
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
  }
  const file = new VFile({ path: relative(process.cwd(), out) || out })
  const message = file.message(
    `Cannot write the book here (${(code && why[code]) ?? (error instanceof Error ? error.message : String(error))}), expected a writable place for --out; the previous book was left as it was`,
    { ruleId: 'write', source: 'colophon-cli' },
  )
  message.fatal = true
  return new BookError([message])
}

/** Lint warnings a build prints at most; `colophon lint` prints them all. */
const LINT_SHOWN = 20

/**
 * Every message of the build, but only the first lint warnings: a book with
 * thousands of them (a draft full of `the the`) should not bury the build's
 * own messages. The last line says how many more `colophon lint` has.
 */
function shownOf(messages: VFileMessage[], dir: string): VFileMessage[] {
  const lint = messages.filter((message) => message.source === 'colophon-lint')
  if (lint.length <= LINT_SHOWN) return messages
  const hidden = new Set(lint.slice(LINT_SHOWN))
  const kept = messages.filter((message) => !hidden.has(message))
  const more = new VFileMessage(`${hidden.size} more lint warnings not shown, expected none: run \`colophon lint ${dir}\` for all of them`, {
    ruleId: 'more',
    source: 'colophon-lint',
  })
  more.file = lint[LINT_SHOWN - 1]!.file
  return [...kept, more]
}
