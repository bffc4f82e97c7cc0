// A worker thread of the build pool (pool.ts): runs batches of tasks and
// posts their results back, in the order of the batch.
import { parentPort } from 'node:worker_threads'
import { STOP_WORKER } from './pool.ts'
import { createRunner, type Task, type TaskResult } from './tasks.ts'
import type { TextSettings } from './tasks.ts'

export interface BatchMessage {
  run: number
  settings: TextSettings
  tasks: Array<{ index: number; task: Task }>
}

export type ReplyMessage =
  | { ready: true }
  | { run: number; results: Array<{ index: number; result: TaskResult }> }
  | { run: number; error: string }

const runners = new Map<string, ReturnType<typeof createRunner>>()
const port = parentPort
if (port) {
  port.on('message', (batch: BatchMessage | typeof STOP_WORKER) => {
    // Asked to end, the thread closes its port and ends by itself between two batches: stopped
    // from outside inside a zlib call (a deflate task), Node would abort the whole process.
    if (batch === STOP_WORKER) {
      port.close()
      return
    }
    const key = JSON.stringify(batch.settings)
    let runner = runners.get(key)
    if (!runner) {
      runner = createRunner(batch.settings)
      runners.set(key, runner)
    }
    try {
      const results = batch.tasks.map(({ index, task }) => ({ index, result: (runner as ReturnType<typeof createRunner>)(task) }))
      port.postMessage({ run: batch.run, results } satisfies ReplyMessage)
    } catch (error) {
      port.postMessage({ run: batch.run, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ReplyMessage)
    }
  })
  port.postMessage({ ready: true } satisfies ReplyMessage)
}
