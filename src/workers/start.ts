import { Worker } from 'node:worker_threads'

/**
 * A worker thread running one of the bundle's scripts. It takes the
 * process's Node options except `--input-type`, which a thread started from
 * a file refuses (a process started with `node --input-type=module -e …`,
 * as the stress benchmark does, would lose every thread to it). V8's
 * options (`node --max-old-space-size=8192 …`) belong to the process, and a
 * thread refuses them too: then it starts with none, which the bundle does
 * not need.
 */
export function startWorker(script: string): Worker {
  try {
    return new Worker(script, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')) })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error
    return new Worker(script, { execArgv: [] })
  }
}
