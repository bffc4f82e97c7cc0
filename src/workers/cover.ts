import type { Worker } from 'node:worker_threads'
import { startWorker } from './start.ts'
import type { CoverText } from '../cover/index.ts'
import type { CoverReply } from './cover-worker.ts'

/** Set by the launcher's bundle (src/launch.js): the cover thread's script. Absent when run from source. */
declare const COLOPHON_COVER_WORKER: string | undefined

/** The message that ends the cover thread once it is done with what it is doing (see cover-worker.ts). */
export const STOP_COVER = 'stop'

/** Tells the cover thread, taken by the pool, to load what runs batches (see cover-worker.ts). */
export const PREPARE_BATCHES = 'prepare'

export interface CoverThread {
  /** Draw the typographic cover for this text; call once. */
  draw(text: CoverText): Promise<Uint8Array>
  /** Let the thread end (the book has its own cover, or the build failed); it stops at a safe point. */
  cancel(): void
  /**
   * Hand the thread to whoever will run batches on it once the cover is drawn (`Pool.lend`): from
   * then on that owner ends it, and `cancel` leaves it be. Undefined once it was told to end.
   */
  handOver(): Worker | undefined
}

/**
 * A thread that draws the book's cover while the main thread typesets and
 * renders it: started before the book is loaded, so reading the fonts and
 * loading resvg cost no time on the main thread. The PNG is the same as
 * `coverImage` draws. Undefined when there is no bundle (run from source);
 * the caller draws the cover itself then.
 */
export function coverOnThread(): CoverThread | undefined {
  if (typeof COLOPHON_COVER_WORKER !== 'string') return undefined
  // The launcher may have started the thread already (src/launch.js): the first build takes it.
  const holder = globalThis as { colophonEarlyCover?: { worker: Worker; error?: Error } }
  const early = holder.colophonEarlyCover
  delete holder.colophonEarlyCover
  early?.worker.ref()
  const worker = early?.worker ?? startWorker(COLOPHON_COVER_WORKER)
  let failed: Error | undefined = early?.error
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
        // The thread may be running the pool's batches too: only the cover's reply is ours.
        const listen = (reply: CoverReply | object): void => {
          if (!('png' in reply) && !('coverError' in reply)) return
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
    handOver() {
      if (stopped || failed) return undefined
      stopped = true
      worker.postMessage(PREPARE_BATCHES)
      return worker
    },
  }
}
