import { stat } from 'node:fs/promises'
import { checkEpub, formatReport } from '../check/index.ts'
import { ChecksFailed, UsageError } from './index.ts'

export interface CheckCommandOptions {
  /** Fail on warnings too. */
  frail?: boolean
}

/** `colophon check BOOK.epub`: every checker there is, one report on standard output. */
export async function runCheck(file: string, options: CheckCommandOptions): Promise<void> {
  if (!(await stat(file).then((info) => info.isFile(), () => false))) {
    throw new UsageError(`\`${file}\` is not a file, expected an EPUB such as dist/book.epub`)
  }
  const report = await checkEpub(file)
  process.stdout.write(`${formatReport(report)}\n`)
  if (report.errors > 0 || (options.frail && report.warnings > 0)) {
    throw new ChecksFailed(`${file} did not pass${report.errors === 0 ? ' (warnings, with --frail)' : ''}`)
  }
}
