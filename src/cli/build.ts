import { join, relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import { build } from '../build.ts'
import { BookError } from '../errors.ts'
import { report } from './report.ts'
import { UsageError, WarningsFailed } from './index.ts'
import { abandonWrites, isDirectory, writeAtomic } from './write-atomic.ts'

export interface BuildCommandOptions {
  out?: string
  wordJoiner: 'u2060' | 'feff'
  /** Lint warnings fail the build: nothing is written, exit 1. */
  frail?: boolean
}

/** `colophon build`: build in memory, and only when that succeeded, replace the EPUB. */
export async function runBuild(dir: string, options: BuildCommandOptions): Promise<void> {
  const interrupted = (signal: NodeJS.Signals): void => {
    abandonWrites()
    process.stderr.write(`colophon: interrupted (${signal}); the previous book was left as it was\n`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  // From here on an interrupt leaves the previous book as it was: say so.
  process.stderr.write(`colophon: building ${dir}\n`)
  try {
    // A bad --out is found before the build, so a long build is not wasted on it.
    if (options.out) await checkOut(resolve(options.out), options.out, dir)
    const result = await build(dir, { wordJoiner: options.wordJoiner })
    if (result.messages.length > 0) process.stderr.write(`${report(result.messages)}\n`)
    if (options.frail && result.messages.length > 0) {
      throw new WarningsFailed(`${result.messages.length} warning${result.messages.length === 1 ? '' : 's'} and --frail; the book was not written`)
    }
    const out = resolve(options.out ?? join('dist', result.fileName))
    await checkOut(out, options.out ?? out, dir)
    try {
      await writeAtomic(out, result.epub)
    } catch (error) {
      throw cannotWrite(out, error)
    }
    process.stderr.write(`colophon: wrote ${relative(process.cwd(), out) || out} (${Math.round(result.epub.byteLength / 1024)} KiB)\n`)
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
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
