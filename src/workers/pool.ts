import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { fromBundle } from '../root.ts'
import { startWorker } from './start.ts'
import type { TextSettings } from './tasks.ts'
import { runnersBySettings, type Task, type TaskResult } from './tasks.ts'
import type { BatchMessage, ReplyMessage } from './batches.ts'
import type { Executor, MapOptions, ResultOf } from './executor.ts'

/** Ends a worker once its current batch is done (worker.ts). */
export const STOP_WORKER = 'stop'


/**
 * Characters of input per batch: big enough that messaging is cheap, small
 * enough to balance. Checking XML goes some ten times faster a character
 * than typesetting, and deflating with the check some five times: with
 * batches of the same size, a worker ran through its batches in flight long
 * before the main thread let its replies in (a slice), and idled through half
 * the package and verify stages of a million words.
 */
const BATCH_CHARS: Record<Task['kind'], number> = { text: 16_000, xml: 160_000, deflate: 80_000 }
/** How long the main thread works before it lets worker replies in. */
const SLICE_MS = 6
/**
 * Batches sent to a worker and not yet answered. More than one keeps it
 * busy while its reply travels; four keep it busy through the main thread's
 * longer pauses (a big text, a garbage collection), where two left it idle
 * a quarter of the time on a million words.
 */
const INFLIGHT = 4

interface Slot {
  worker: Worker
  ready: boolean
  /** Batches sent and not answered (at most `INFLIGHT`). */
  inflight: Array<Array<{ index: number; task: Task }>>
  dead: boolean
  /** Its thread has ended. */
  exited: boolean
}

interface Run {
  id: number
  tasks: readonly Task[]
  settings: TextSettings | undefined
  next: number
  retry: number[]
  results: TaskResult[]
  remaining: number
  runner: (task: Task) => TaskResult
  /** Whether the main thread is taking tasks (it stops when the queue is empty). */
  working: boolean
  finish: (index: number, result: TaskResult) => void
  fail: (error: Error) => void
}

/**
 * Worker threads this machine can use besides the main thread. None by
 * default when run from the TypeScript source: each thread would compile
 * the sources through tsx first (some 1.5 s), more than it saves; asked
 * for (`threads`), they run from source all the same.
 */
export function defaultThreads(): number {
  return fromBundle ? Math.max(0, Math.min(availableParallelism() - 1, 7)) : 0
}

/**
 * The executor with worker threads (executor.ts): runs tasks on the main
 * thread and on the workers at once, results in the order of the tasks
 * whoever ran them, so output never depends on scheduling. The workers
 * start loading when the pool is made, before the book is read; the main
 * thread takes tasks from the start, so a small job never waits for a
 * worker to load.
 */
export class Pool implements Executor {
  readonly threads: number
  readonly #slots: Slot[] = []
  readonly #runnerFor = runnersBySettings()
  #run: Run | undefined
  #runs = 0
  /** The last map asked for: one runs at a time, each after the one before (four targets zip at once). */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(threads = defaultThreads()) {
    this.threads = threads
    while (this.#slots.length < threads) {
      const slot: Slot = { worker: startWorker('worker'), ready: false, inflight: [], dead: false, exited: false }
      slot.worker.unref()
      slot.worker.on('message', (reply: ReplyMessage) => this.#reply(slot, reply))
      slot.worker.on('error', () => this.#lose(slot))
      slot.worker.on('exit', () => {
        slot.exited = true
        this.#lose(slot)
      })
      this.#slots.push(slot)
    }
  }

  map<T extends Task>(tasks: readonly T[], options: MapOptions<T> = {}): Promise<Array<ResultOf<T>>> {
    if (tasks.length === 0) return Promise.resolve([])
    const turn = this.#queue.then(() => this.#map(tasks, options))
    this.#queue = turn.catch(() => undefined)
    return turn
  }

  #map<T extends Task>(tasks: readonly T[], { settings, onEach }: MapOptions<T>): Promise<Array<ResultOf<T>>> {
    const onResult = onEach as ((index: number, result: TaskResult) => void) | undefined
    const runner = this.#runnerFor(settings)
    return new Promise<Array<ResultOf<T>>>((resolve, reject) => {
      const run: Run = {
        id: ++this.#runs,
        tasks,
        settings,
        next: 0,
        retry: [],
        results: new Array<TaskResult>(tasks.length),
        remaining: tasks.length,
        runner,
        working: false,
        finish: (index, result) => {
          run.results[index] = result
          onResult?.(index, result)
          if (--run.remaining === 0) {
            this.#run = undefined
            resolve(run.results as Array<ResultOf<T>>)
          }
        },
        fail: (error) => {
          this.#run = undefined
          reject(error)
        },
      }
      this.#run = run
      for (const slot of this.#slots) this.#feed(slot)
      void this.#work(run)
    })
  }

  /**
   * End the workers. Each finishes the batch it is on and ends itself (see
   * worker.ts): never terminated mid-task.
   */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0)
    for (const slot of slots) slot.dead = true
    await Promise.all(
      slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.exited) return resolve()
            slot.worker.once('exit', () => resolve())
            // Held (workers are unreferenced while they wait) until it has ended.
            slot.worker.ref()
            slot.worker.postMessage(STOP_WORKER)
          }),
      ),
    )
  }

  /** The main thread's share: tasks from the front of the queue, a slice at a time. */
  async #work(run: Run): Promise<void> {
    const runner = run.runner
    run.working = true
    while (this.#run === run) {
      const index = run.retry.pop() ?? (run.next < run.tasks.length ? run.next++ : undefined)
      if (index === undefined) break
      const end = performance.now() + SLICE_MS
      try {
        run.finish(index, runner(run.tasks[index] as Task))
        for (let more = true; more && performance.now() < end && this.#run === run; ) {
          const following = run.retry.pop() ?? (run.next < run.tasks.length ? run.next++ : undefined)
          if (following === undefined) more = false
          else run.finish(following, runner(run.tasks[following] as Task))
        }
      } catch (error) {
        run.working = false
        run.fail(error instanceof Error ? error : new Error(String(error)))
        return
      }
      if (this.#slots.length > 0) await new Promise((resolve) => setImmediate(resolve))
    }
    run.working = false
  }

  #feed(slot: Slot): void {
    const run = this.#run
    if (!run || !slot.ready || slot.dead) return
    while (slot.inflight.length < INFLIGHT && run.next < run.tasks.length) {
      const batch: BatchMessage['tasks'] = []
      let chars = 0
      while (run.next < run.tasks.length && (batch.length === 0 || chars < BATCH_CHARS[(run.tasks[run.next] as Task).kind])) {
        const index = run.next++
        const task = run.tasks[index] as Task
        chars += task.kind === 'text' ? task.source.value.length : task.text.length
        batch.push({ index, task })
      }
      slot.inflight.push(batch)
      slot.worker.postMessage({ run: run.id, settings: run.settings, tasks: batch } satisfies BatchMessage)
    }
  }

  #reply(slot: Slot, reply: ReplyMessage): void {
    if ('ready' in reply) {
      slot.ready = true
      this.#feed(slot)
      return
    }
    slot.inflight.shift()
    const run = this.#run
    if (!run || reply.run !== run.id) return
    if ('error' in reply) {
      run.fail(new Error(reply.error))
      return
    }
    for (const { index, result } of reply.results) run.finish(index, result)
    this.#feed(slot)
  }

  /** A worker that died: its unanswered tasks go back to the main thread. */
  #lose(slot: Slot): void {
    if (slot.dead) return
    slot.dead = true
    const run = this.#run
    if (run) for (const batch of slot.inflight) run.retry.push(...batch.map((entry) => entry.index))
    slot.inflight = []
    if (run && run.retry.length > 0 && !run.working) void this.#work(run)
  }
}
