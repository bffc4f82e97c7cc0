import { join, relative, resolve, sep } from 'node:path'
import { build } from '../build.ts'
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
  const interrupted = (): void => {
    abandonWrites()
    process.stderr.write('colophon: interrupted; the previous book was left as it was\n')
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const result = await build(dir, { wordJoiner: options.wordJoiner })
    if (result.messages.length > 0) process.stderr.write(`${report(result.messages)}\n`)
    if (options.frail && result.messages.length > 0) {
      throw new WarningsFailed(`${result.messages.length} warning${result.messages.length === 1 ? '' : 's'} and --frail; the book was not written`)
    }
    const out = resolve(options.out ?? join('dist', result.fileName))
    if (await isDirectory(out)) throw new UsageError(`--out \`${options.out}\` is a folder, expected a file name such as book.epub`)
    const inside = relative(resolve(dir), out)
    if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== out) {
      throw new UsageError(`--out \`${options.out}\` is inside the manuscript folder, expected a path outside it`)
    }
    await writeAtomic(out, result.epub)
    process.stderr.write(`colophon: wrote ${relative(process.cwd(), out) || out} (${Math.round(result.epub.byteLength / 1024)} KiB)\n`)
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
}
