import { lintManuscript } from '../lint/index.ts'
import { formatCatalogue, formatGithub, formatJson } from '../lint/format.ts'
import { report } from './report.ts'
import { WarningsFailed } from './index.ts'

export interface LintCommandOptions {
  format: 'text' | 'json' | 'github'
  frail?: boolean
  rules?: boolean
}

/**
 * `colophon lint`: what the typography pass must not decide alone. The
 * findings are what the command is asked for, so they go to standard
 * output; with `--frail` any finding makes the run fail (exit 1).
 */
export async function runLint(dir: string, options: LintCommandOptions): Promise<void> {
  if (options.rules) {
    process.stdout.write(`${formatCatalogue()}\n`)
    return
  }
  const { messages } = await lintManuscript(dir)
  if (options.format === 'json') process.stdout.write(`${formatJson(messages)}\n`)
  else if (options.format === 'github') process.stdout.write(messages.length > 0 ? `${formatGithub(messages)}\n` : '')
  else if (messages.length > 0) process.stdout.write(`${await report(messages)}\n`)
  if (options.frail && messages.length > 0) throw new WarningsFailed(`${messages.length} lint warning${messages.length === 1 ? '' : 's'} and --frail`)
}
