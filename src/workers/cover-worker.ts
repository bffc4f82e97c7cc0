// The cover thread's script (cover.ts): it reads the cover's fonts while the
// build loads the book, draws the cover it is asked for, and answers with
// the PNG. Only the cover's modules are loaded here.
import { parentPort } from 'node:worker_threads'
import { coverFonts, drawCover, type CoverText } from '../cover/index.ts'

export type CoverReply = { png: Uint8Array } | { error: string }

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
  port.once('message', (text: CoverText) => {
    try {
      const png = drawCover(text)
      port.postMessage({ png } satisfies CoverReply)
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CoverReply)
    }
  })
}
