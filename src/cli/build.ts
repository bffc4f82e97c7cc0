import { VFileMessage } from 'vfile-message'
import { join, relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import { build, type BuildOptions } from '../build.ts'
import { parseTargets, type TargetName } from '../targets/types.ts'
import { colophonCommand, installKind } from '../check/install-advice.ts'
import { BookError } from '../errors.ts'
import { packageRoot } from '../root.ts'
import type { Book } from '../load/index.ts'
import { cachePath, readCache, writeCache } from '../cache/disk.ts'
import { BuildCache } from '../cache/store.ts'
import { createProgress, progressMode } from '../progress/index.ts'
import { inOutputFolder, OUTPUT_FOLDER } from '../load/output-folder.ts'
import { report } from './report.ts'
import { UsageError, WarningsFailed } from './index.ts'
import { isWithin, physicalPath } from './out-path.ts'
import { withInterrupts } from './interrupts.ts'
import { isDirectory, isFile, writeAtomic } from './write-atomic.ts'

export interface BuildCommandOptions {
  out?: string
  /** `epub`, `kobo`, `kindle`, `apple`, `all` or a comma-separated list. */
  target?: string
  wordJoiner: 'u2060' | 'feff'
  nbsp?: 'narrow' | 'regular'
  /** Lint warnings fail the build: nothing is written, exit 1. */
  frail?: boolean
  /** `--no-cache` sets false: neither read nor write the build cache (`~/.cache/colophon/`). */
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
  if (await isStoryFile(dir)) return runBuildFile(dir, options, targets)
  // An interrupt ends the build at once (the system's default action) and leaves the previous book as it was.
  process.stderr.write(`colophon: building ${dir === '.' ? 'this folder (it holds book.yaml)' : dir}\n`)
  const single = targets.length === 1
  // A bad --out is found before the build, so a long build is not wasted on it.
  if (options.out && single) await checkOut(options.out, options.out, dir)
  if (options.out && !single && (await isFile(options.out))) {
    throw new UsageError(`--out \`${options.out}\` is a file, expected a folder for ${targets.length} targets`)
  }
  const diskCache = options.cache === false ? undefined : cachePath(dir)
  let cache: BuildCache | undefined = options.watch ? new BuildCache() : undefined
  if (diskCache) {
    const read = await readCache(diskCache)
    cache = read.cache
    // A refused cache file costs only time: the build goes on without it.
    if (read.warning) process.stderr.write(`colophon: warning: ${read.warning}\n`)
  }
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
}

/** Names a story file has: a missing `story.md` is reported as a missing file, not a missing manuscript folder. */
const STORY_FILE = /\.(md|markdown|txt|html?|xhtml|docx|epub)$/i

/** Whether `colophon build PATH` builds a story file: a file, or no folder by a story file's name. */
export async function isStoryFile(path: string): Promise<boolean> {
  return (await isFile(path)) || (STORY_FILE.test(path) && !(await isDirectory(path)))
}

/**
 * `colophon build FILE`: a story file as it came (Markdown, text, HTML,
 * DOCX, EPUB), imported and built (`build-file.ts`). Loaded only then.
 */
async function runBuildFile(path: string, options: BuildCommandOptions, targets: readonly TargetName[]): Promise<void> {
  const { buildFile } = await import('./build-file.ts')
  await buildFile(path, options, targets)
}

/** One build, its messages reported and every target's EPUB written atomically; returns the book. */
export async function buildAndWrite(
  dir: string,
  options: BuildCommandOptions,
  targets: readonly TargetName[],
  extra: Pick<BuildOptions, 'cache' | 'onProgress' | 'lint' | 'previous' | 'cwd'> & {
    /** The story file of `colophon build FILE` (absolute): the book is never written over it. */
    source?: string
    /** The messages as the user should read them (`build FILE`: at their places in the story file, not the private folder). */
    placed?: (messages: VFileMessage[]) => VFileMessage[]
  },
): Promise<{ book: Book }> {
  const single = targets.length === 1
  const { source, placed = (messages) => messages, ...buildOptions } = extra
  let result: Awaited<ReturnType<typeof build>>
  try {
    result = await build(dir, { wordJoiner: options.wordJoiner, nbsp: options.nbsp, targets, threads: options.threads, ...buildOptions })
  } catch (error) {
    throw error instanceof BookError ? new BookError(placed(error.messages)) : error
  }
  result = { ...result, messages: placed(result.messages) }
  // A story file's build lints a temporary folder: the author lints the folder `colophon import` writes.
  const colophon = colophonCommand(installKind(packageRoot))
  const lintCommand = source ? `${colophon} import ${relative(process.cwd(), source)}\`, then \`${colophon} lint <the folder it writes>` : `${colophon} lint ${dir}`
  if (result.messages.length > 0) process.stderr.write(`${await report(shownOf(result.messages, lintCommand))}\n`)
  if (options.frail && result.messages.length > 0) {
    throw new WarningsFailed(`${result.messages.length} warning${result.messages.length === 1 ? '' : 's'} and --frail; the book was not written`)
  }
  const wanted = result.outputs.map((output) => ({
    output,
    // Not normalised: `..` after a link is resolved where the link leads (physicalPath).
    path: single ? (options.out ?? join('dist', output.fileName)) : `${options.out ?? 'dist'}${sep}${output.fileName}`,
  }))
  const writes: Array<{ output: (typeof wanted)[number]['output']; path: string; shown: string }> = []
  for (const { output, path } of wanted) {
    const physical = await checkOut(path, single ? (options.out ?? path) : path, dir)
    if (source !== undefined && physical === physicalPath(source)) throw new UsageError(`\`${relative(process.cwd(), physical)}\` is the story file being built, expected another path for the book (--out)`)
    writes.push({ output, path: physical, shown: path })
  }
  await withInterrupts(async () => {
    for (const { output, path, shown } of writes) {
      try {
        await writeAtomic(path, output.epub)
      } catch (error) {
        throw cannotWrite(resolve(shown), error)
      }
      process.stderr.write(`colophon: wrote ${relative(process.cwd(), resolve(shown)) || shown} (${Math.round(output.epub.byteLength / 1024)} KiB, ${output.target})\n`)
    }
  })
  return { book: result.book }
}


/**
 * Where the book for `--out` goes, resolved as the system resolves it
 * (links, `..`, case): never inside the manuscript, whose files it would
 * overwrite or add to. The caller writes to the path returned.
 */
async function checkOut(out: string, given: string, dir: string): Promise<string> {
  const physical = physicalPath(out)
  if (await isDirectory(physical)) throw new UsageError(`--out \`${given}\` is a folder, expected a file name such as book.epub`)
  const root = resolve(dir)
  // The manuscript's own dist/ is where `colophon build` run beside book.yaml writes: the book never reads it.
  if (isWithin(physical, root) && !inOutputFolder(relative(physicalPath(root), physical))) {
    throw new UsageError(`--out \`${given}\` is inside the manuscript folder, expected a path outside it or in its ${OUTPUT_FOLDER}/ (it would overwrite or add to the manuscript)`)
  }
  return physical
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
function shownOf(messages: VFileMessage[], lintCommand: string): VFileMessage[] {
  const lint = messages.filter((message) => message.source === 'colophon-lint')
  if (lint.length <= LINT_SHOWN) return messages
  const hidden = new Set(lint.slice(LINT_SHOWN))
  const kept = messages.filter((message) => !hidden.has(message))
  const more = new VFileMessage(`${hidden.size} more lint warnings not shown, expected none: run \`${lintCommand}\` for all of them`, {
    ruleId: 'more',
    source: 'colophon-lint',
  })
  more.file = lint[LINT_SHOWN - 1]!.file
  return [...kept, more]
}
