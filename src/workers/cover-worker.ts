// The cover thread's script (cover.ts): it reads the cover's fonts while the
// build loads the book, draws the cover it is asked for, and answers with
// the PNG. Only the cover's modules are loaded here.
//
// It is never terminated from outside while it may be working: Node aborts
// the whole process when a thread is stopped inside a zlib call (a handle
// made but not set up yet), and this thread inflates fonts and deflates
// the PNG. Told `STOP_COVER`, it closes its port and ends by itself between
// two pieces of work.
import { parentPort } from 'node:worker_threads'
import { coverFonts, drawCover, type CoverText } from '../cover/index.ts'
import { STOP_COVER } from './cover.ts'

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
  port.on('message', (message: CoverText | typeof STOP_COVER) => {
    if (message === STOP_COVER) {
      port.close()
      return
    }
    try {
      const png = drawCover(message)
      port.postMessage({ png } satisfies CoverReply)
    } catch (error) {
      port.postMessage({ coverError: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CoverReply)
    }
  })
}
