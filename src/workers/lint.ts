import { startWorker } from './start.ts'
import type { VFileMessage } from 'vfile-message'
import { recordMessage, reviveMessage, type MessageRecord } from '../cache/messages.ts'
import { BookError } from '../errors.ts'
import { lintManuscript } from '../lint/index.ts'

/** Set by the launcher's bundle (src/launch.js): the worker's script. Absent when run from source. */
declare const COLOPHON_WORKER: string | undefined

export interface LintRequest {
  lint: { manuscript: string; cwd: string }
}

export type LintReply = { messages: MessageRecord[] } | { fatal: MessageRecord[] } | { error: string }

/**
 * Lint the manuscript on a thread of its own, while the main thread and the
 * pool typeset it: lint reads and parses every file itself, so it shares
 * nothing with the build but the files. Undefined when there are no worker
 * threads (run from source); the caller lints in place then.
 */
export function lintOnThread(manuscript: string, cwd: string): { result: Promise<VFileMessage[]>; cancel: () => void } | undefined {
  if (typeof COLOPHON_WORKER !== 'string') return undefined
  const worker = startWorker(COLOPHON_WORKER)
  const result = new Promise<VFileMessage[]>((resolve, reject) => {
    worker.once('message', (reply: LintReply | { ready: true }) => {
      // The first message is the worker's `ready`; the answer follows.
      worker.once('message', (answer: LintReply) => {
        void worker.terminate()
        if ('messages' in answer) resolve(answer.messages.map((record) => reviveMessage(record.file, record)))
        else if ('fatal' in answer) reject(new BookError(answer.fatal.map((record) => reviveMessage(record.file, record))))
        else reject(new Error(answer.error))
      })
      void reply
      worker.postMessage({ lint: { manuscript, cwd } } satisfies LintRequest)
    })
    worker.once('error', (error) => reject(error))
  })
  // A build that fails first never asks for the result: that is no error of its own.
  result.catch(() => undefined)
  return { result, cancel: () => void worker.terminate() }
}

/** The worker's side: lint and answer with plain data. */
export async function answerLint(request: LintRequest['lint']): Promise<LintReply> {
  try {
    const { messages } = await lintManuscript(request.manuscript, { cwd: request.cwd })
    return { messages: messages.map(recordMessage) }
  } catch (error) {
    if (error instanceof BookError) return { fatal: error.messages.map(recordMessage) }
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}
