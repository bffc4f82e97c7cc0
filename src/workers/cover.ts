import { fromBundle } from '../root.ts'
import { startWorker } from './start.ts'
import type { CoverText } from '../cover/index.ts'
import type { CoverReply } from './cover-worker.ts'


/** The message that ends the cover thread once it is done with what it is doing (see cover-worker.ts). */
export const STOP_COVER = 'stop'

export interface CoverThread {
  /** Draw the typographic cover for this text; call once. */
  draw(text: CoverText): Promise<Uint8Array>
  /** Let the thread end (the book has its own cover, or the build failed); it stops at a safe point. */
  cancel(): void
}

/**
 * A thread that draws the book's cover while the main thread typesets and
 * renders it: started before the book is loaded, so reading the fonts and
 * loading resvg cost no time on the main thread. The PNG is the same as
 * `coverImage` draws. Undefined when run from the TypeScript source; the
 * caller draws the cover itself then.
 */
export function coverOnThread(): CoverThread | undefined {
  // From source a thread compiles the cover's modules through tsx first: slower than drawing here.
  if (!fromBundle) return undefined
  const worker = startWorker('cover-worker')
  let failed: Error | undefined
  worker.once('error', (error) => (failed = error))
  // Never terminated: the thread ends itself between two pieces of work (see cover-worker.ts), and the
  // process waits for that, a fraction of a second at most, when a build fails early.
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    worker.postMessage(STOP_COVER)
  }
  return {
    draw(text) {
      return new Promise<Uint8Array>((resolve, reject) => {
        if (failed) return reject(failed)
        worker.once('error', reject)
        const listen = (reply: CoverReply): void => {
          worker.off('message', listen)
          worker.off('error', reject)
          stop()
          if ('png' in reply) resolve(reply.png)
          else reject(new Error(reply.coverError))
        }
        worker.on('message', listen)
        worker.postMessage(text)
      })
    },
    cancel: stop,
  }
}
