import { stat } from 'node:fs/promises'
import { checkEpub, formatReport } from '../check/index.ts'
import { ChecksFailed, UsageError } from './index.ts'

export interface CheckCommandOptions {
  /** Fail on warnings too. */
  frail?: boolean
}

/** `colophon check BOOK.epub…`: every checker there is, one report per book on standard output. */
export async function runCheck(files: readonly string[], options: CheckCommandOptions): Promise<void> {
  // Every name is looked at before any book is checked: a typo is a usage error, not a report cut short.
  for (const file of files) {
    if (!(await stat(file).then((info) => info.isFile(), () => false))) {
      throw new UsageError(`\`${file}\` is not a file, expected an EPUB such as dist/book.epub`)
    }
  }
  // `colophon check dist/*.epub` after `build --target all`: one report per book, and the exit code of the worst.
  const failed: string[] = []
  for (const file of files) {
    const report = await checkEpub(file)
    process.stdout.write(`${formatReport(report)}\n`)
    if (report.errors > 0 || (options.frail && report.warnings > 0)) failed.push(`${file}${report.errors === 0 ? ' (warnings, with --frail)' : ''}`)
  }
  if (failed.length > 0) throw new ChecksFailed(`${failed.join(', ')} did not pass`)
}
