import { text } from 'node:stream/consumers'
import { VFile } from 'vfile'
import { typeset } from '../typeset.ts'
import { BookError } from '../errors.ts'
import { isRefusal, readNamedFile } from '../load/open.ts'
import { UsageError } from './index.ts'
import { report } from './report.ts'

export interface TypesetCommandOptions {
  format: 'xhtml' | 'text'
  wordJoiner: 'u2060' | 'feff'
  nbsp?: 'narrow' | 'regular'
  /** BCP 47 tag: the rules the text is set by. */
  lang: string
  dialogueDashes?: 'true' | 'false'
}

/** `colophon typeset`: Markdown in (file or standard input), typeset result out on standard output. */
export async function runTypeset(path: string | undefined, options: TypesetCommandOptions): Promise<void> {
  const read = path ? readNamedFile(path) : undefined
  if (isRefusal(read)) throw new UsageError(`Unexpected \`${path}\` that cannot be read: ${read.reason}`)
  const value = read ? read.toString('utf8') : await text(process.stdin)
  const file = new VFile({ path: path ?? '<stdin>', value: value.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') })
  const dialogueDashes = options.dialogueDashes === undefined ? undefined : options.dialogueDashes === 'true'
  const result = typeset(file, { wordJoiner: options.wordJoiner, nbsp: options.nbsp, language: options.lang, ...(dialogueDashes === undefined ? {} : { dialogueDashes }) })
  // A text refused (nested past the limits) is an error: exit 1, nothing on standard output.
  const fatal = result.messages.filter((message) => message.fatal)
  if (fatal.length > 0) throw new BookError(result.messages)
  if (result.messages.length > 0) process.stderr.write(`${await report(result.messages)}\n`)
  process.stdout.write(`${options.format === 'text' ? result.text : result.xhtml}\n`)
}
