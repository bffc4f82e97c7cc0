import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { besideCode, fromBundle } from '../root.ts'

/** The threads' scripts: entries of the bundle (src/bundle.js), or their TypeScript source. */
const SCRIPTS = { worker: 'workers/worker.ts', 'cover-worker': 'workers/cover-worker.ts' } as const

/**
 * A worker thread running one of colophon's thread scripts, found beside
 * this code: in the bundle's folder, or (run from source) the TypeScript
 * through a shim that loads tsx in the thread (from-source.js). It takes the
 * process's Node options except `--input-type`, which a thread started from
 * a file refuses (a process started with `node --input-type=module -e …`,
 * as the stress benchmark does, would lose every thread to it). V8's
 * options (`node --max-old-space-size=8192 …`) belong to the process, and a
 * thread refuses them too: then it starts with none, which the bundle does
 * not need.
 */
export function startWorker(name: keyof typeof SCRIPTS): Worker {
  const script = besideCode(`${name}.js`, 'workers/from-source.js')
  const workerData = fromBundle ? undefined : { colophonScript: pathToFileURL(besideCode(`${name}.js`, SCRIPTS[name])).href }
  try {
    return new Worker(script, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')), resourceLimits: THREAD_LIMITS, workerData })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error
    return new Worker(script, { execArgv: [], resourceLimits: THREAD_LIMITS, workerData })
  }
}

/**
 * A thread's young generation: 6 MB (semi-spaces of 2 MB) rather than V8's
 * default, which grows to 48. A batch's objects die young either way, and
 * fresh pages cost more to touch on these machines than the scavenges a
 * small nursery adds: the 1M book took 0.97 of the time and 15 MiB less at
 * its peak, paired (a nursery of 3 MB was slower, one of 9 MB the same).
 */
export const THREAD_LIMITS = { maxYoungGenerationSizeMb: 6 }
