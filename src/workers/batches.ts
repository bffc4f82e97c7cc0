import { runnersBySettings, type Task, type TaskResult, type TextSettings } from './tasks.ts'

/** A batch of the pool's tasks, as a worker thread receives it (pool.ts). */
export interface BatchMessage {
  run: number
  /** What a text task typesets with; none for a batch of checks or deflations. */
  settings?: TextSettings
  tasks: Array<{ index: number; task: Task }>
}

/** What a worker thread answers the pool: ready for batches, a batch's results in its order, or its error. */
export type ReplyMessage =
  | { ready: true }
  | { run: number; results: Array<{ index: number; result: TaskResult }> }
  | { run: number; error: string }

/** Runs batches on a worker thread. */
export function batchRunner(): (batch: BatchMessage) => ReplyMessage {
  const runnerFor = runnersBySettings()
  return (batch) => {
    const run = runnerFor(batch.settings)
    try {
      return { run: batch.run, results: batch.tasks.map(({ index, task }) => ({ index, result: run(task) })) }
    } catch (error) {
      return { run: batch.run, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
    }
  }
}
