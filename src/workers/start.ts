import { Worker } from 'node:worker_threads'

/**
 * A worker thread running one of the bundle's scripts. It takes the
 * process's Node options except `--input-type`, which a thread started from
 * a file refuses (a process started with `node --input-type=module -e …`,
 * as the stress benchmark does, would lose every thread to it).
 */
export function startWorker(script: string): Worker {
  return new Worker(script, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')) })
}
