import { writeSync } from 'node:fs'
import { relative } from 'node:path'
import { abandonWrites, committedWrites } from './write-atomic.ts'

/**
 * Run `write` (the short phase that writes and renames the books) with
 * SIGINT and SIGTERM caught, so an interrupt then removes the temporary
 * files and says truly whether the book was replaced; exit 130 or 143.
 *
 * Everywhere else the signals keep the system's default action: the process
 * ends at once, whatever its main thread is doing. A listener of ours would
 * run only when the event loop is free, and a long synchronous step (a huge
 * chapter, deep nesting) would keep it waiting for seconds. Ending then
 * loses nothing: the previous EPUB is only ever replaced by a rename, and a
 * temporary file left by a kill is removed by the next build to the same
 * place (docs/decisions/0021-interrupts-by-default-action.md).
 */
export async function withInterrupts<T>(write: () => Promise<T>): Promise<T> {
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
  try {
    return await write()
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
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
