// The cover thread's script (cover.ts): it reads the cover's fonts while the
// build loads the book, draws the cover it is asked for, and answers with
// the PNG. Only the cover's modules are loaded here, at first. For a big
// book the pool takes the thread as a worker (pool.ts `lend`): told so
// (`PREPARE_BATCHES`), it loads the typesetting modules while the book is
// read, and after the cover it runs batches as worker.ts runs them, so the
// build starts one thread fewer.
//
// It is never terminated from outside while it may be working: Node aborts
// the whole process when a thread is stopped inside a zlib call (a handle
// made but not set up yet), and this thread inflates fonts and deflates
// the PNG. Told `STOP_COVER` (the pool's `STOP_WORKER` is the same word),
// it closes its port and ends by itself between two pieces of work.
import { parentPort } from 'node:worker_threads'
import { coverFonts, drawCover, type CoverText } from '../cover/index.ts'
import type { BatchMessage, ReplyMessage } from './batches.ts'
import { PREPARE_BATCHES, STOP_COVER } from './cover.ts'

export type CoverReply = { png: Uint8Array } | { coverError: string }

const port = parentPort
if (port) {
  const fonts = coverFonts()
  // The Latin subsets set most titles: read them before the text arrives.
  fonts.semibold[0]?.()
  fonts.regular[0]?.()
  // ICU's data is set up once per process, on first use of Intl (some 30 ms); done here while
  // the thread waits, the main thread's title page (word count, date) finds it ready.
  new Intl.NumberFormat().format(0)
  new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(0)
  let runBatch: ((batch: BatchMessage) => ReplyMessage) | undefined
  const batches = async (): Promise<(batch: BatchMessage) => ReplyMessage> => (runBatch ??= (await import('./batches.ts')).batchRunner())
  const receive = async (message: CoverText | BatchMessage | typeof STOP_COVER | typeof PREPARE_BATCHES): Promise<void> => {
    if (message === STOP_COVER) {
      port.close()
      return
    }
    if (message === PREPARE_BATCHES) {
      // Taken by the pool: the typesetting modules load now, while the build reads the book.
      await batches()
      return
    }
    if ('tasks' in message) {
      port.postMessage((await batches())(message))
      return
    }
    try {
      const png = drawCover(message)
      port.postMessage({ png } satisfies CoverReply)
    } catch (error) {
      port.postMessage({ coverError: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CoverReply)
    }
  }
  // One message after another: loading the typesetting modules is the one wait between them.
  let queue = Promise.resolve()
  port.on('message', (message: CoverText | BatchMessage | typeof STOP_COVER | typeof PREPARE_BATCHES) => {
    queue = queue.then(() => receive(message))
  })
}
