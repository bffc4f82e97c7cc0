// A worker thread's script when colophon runs from its TypeScript source
// (tsx, vitest): registers tsx's loader in this thread, which does not
// inherit the parent's, then runs the thread's TypeScript script.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.colophonScript)
