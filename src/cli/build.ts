import { join, relative, resolve, sep } from 'node:path'
import { build } from '../build.ts'
import { parseTargets } from '../targets/index.ts'
import { report } from './report.ts'
import { UsageError, WarningsFailed } from './index.ts'
import { abandonWrites, isDirectory, isFile, writeAtomic } from './write-atomic.ts'

export interface BuildCommandOptions {
  out?: string
  /** `epub`, `kobo`, `kindle`, `apple`, `all` or a comma-separated list. */
  target?: string
  wordJoiner: 'u2060' | 'feff'
  /** Lint warnings fail the build: nothing is written, exit 1. */
  frail?: boolean
}

/**
 * `colophon build`: build every target in memory, and only when all of them
 * succeeded, replace the EPUBs. One target is written to `--out FILE` (or
 * `dist/<name>`); several go into the `--out` folder (or `dist/`).
 */
export async function runBuild(dir: string, options: BuildCommandOptions): Promise<void> {
  const targets = parseTargets(options.target ?? 'epub')
  if (!targets) throw new UsageError(`--target \`${options.target}\` is not a target, expected epub, kobo, kindle, apple, all or a comma-separated list of them`)
  const interrupted = (): void => {
    abandonWrites()
    process.stderr.write('colophon: interrupted; the previous book was left as it was\n')
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const single = targets.length === 1
    if (!single && options.out && (await isFile(options.out))) {
      throw new UsageError(`--out \`${options.out}\` is a file, expected a folder for ${targets.length} targets`)
    }
    const result = await build(dir, { wordJoiner: options.wordJoiner, targets })
    if (result.messages.length > 0) process.stderr.write(`${report(result.messages)}\n`)
    if (options.frail && result.messages.length > 0) {
      throw new WarningsFailed(`${result.messages.length} warning${result.messages.length === 1 ? '' : 's'} and --frail; the book was not written`)
    }
    const writes = result.outputs.map((output) => ({
      output,
      path: resolve(single ? (options.out ?? join('dist', output.fileName)) : join(options.out ?? 'dist', output.fileName)),
    }))
    for (const { path } of writes) {
      if (single && (await isDirectory(path))) throw new UsageError(`--out \`${options.out}\` is a folder, expected a file name such as book.epub`)
      const inside = relative(resolve(dir), path)
      if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== path) {
        throw new UsageError(`--out \`${options.out}\` is inside the manuscript folder, expected a path outside it`)
      }
    }
    for (const { output, path } of writes) {
      await writeAtomic(path, output.epub)
      process.stderr.write(`colophon: wrote ${relative(process.cwd(), path) || path} (${Math.round(output.epub.byteLength / 1024)} KiB, ${output.target})\n`)
    }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
}
