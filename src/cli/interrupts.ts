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
 * Run `work` (a build) with SIGINT and SIGTERM at the system's default
 * action, as every build runs: the listeners a long-running command keeps
 * for its idle time (`preview`'s stop, a story file's private folder) are
 * taken off meanwhile and put back after, so Ctrl-C during a rebuild ends
 * the process at once rather than when the rebuild's synchronous steps let
 * a listener run. `withInterrupts` inside still guards the writing.
 */
export async function withDefaultSignals<T>(work: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM'] as const
  // Raw listeners: a `once` listener's wrapper removes itself when called, put back or not.
  const kept = signals.map((signal) => process.rawListeners(signal) as Array<(signal: NodeJS.Signals) => void>)
  for (const [index, signal] of signals.entries()) for (const listener of kept[index] ?? []) process.off(signal, listener)
  try {
    return await work()
  } finally {
    for (const [index, signal] of signals.entries()) for (const listener of kept[index] ?? []) process.on(signal, listener)
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
