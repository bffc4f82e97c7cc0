// A worker thread of the build pool (pool.ts): runs batches of tasks and
// posts their results back, in the order of the batch.
import { parentPort } from 'node:worker_threads'
import { STOP_WORKER } from './pool.ts'
import { batchRunner, type BatchMessage, type ReplyMessage } from './batches.ts'

const port = parentPort
if (port) {
  const run = batchRunner()
  port.on('message', (batch: BatchMessage | typeof STOP_WORKER) => {
    // Asked to end, the thread closes its port and ends by itself between two batches: stopped
    // from outside inside a zlib call (a deflate task), Node would abort the whole process.
    if (batch === STOP_WORKER) {
      port.close()
      return
    }
    port.postMessage(run(batch))
  })
  port.postMessage({ ready: true } satisfies ReplyMessage)
}
