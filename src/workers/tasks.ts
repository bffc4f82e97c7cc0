import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { recordMessage, type MessageRecord } from '../cache/messages.ts'
import { createNormaliser, normaliseFile } from '../normalise/index.ts'
import { wellFormedError, type XmlProblem } from '../verify/well-formed.ts'

/** Everything besides its own text that a text's normalised tree depends on. */
export interface TextSettings {
  wordJoiner: 'u2060' | 'feff'
}

/** A text to normalise, as plain data so it can cross to a worker thread. */
export interface TextSource {
  path?: string
  cwd?: string
  value: string
}

/**
 * The work a build hands out, the same whether it runs on the main thread
 * or a worker: normalise one text (parse, footnotes, scene breaks,
 * typography), or check one XML document.
 */
export type Task = { kind: 'text'; source: TextSource } | { kind: 'xml'; text: string }

/**
 * One text normalised: its Markdown tree (plain data, structured-cloned
 * across threads and serialised into the cache) and the messages the
 * normaliser left on its file. Rendering (XHTML, footnote numbers, word
 * counts, alt text, sanitising) runs on the main thread from the tree.
 */
export interface TextResult {
  tree: Root
  messages: MessageRecord[]
}

export type TaskResult = TextResult | XmlProblem | undefined

/** Runs tasks with one normaliser per settings (a unified processor is reused, not rebuilt per text). */
export function createRunner(settings: TextSettings): (task: Task) => TaskResult {
  let processor: ReturnType<typeof createNormaliser> | undefined
  return (task) => {
    if (task.kind === 'xml') return wellFormedError(task.text)
    processor ??= createNormaliser({ wordJoiner: settings.wordJoiner })
    const file = new VFile({ path: task.source.path, cwd: task.source.cwd, value: task.source.value })
    const { tree } = normaliseFile(file, processor)
    return { tree, messages: file.messages.map(recordMessage) }
  }
}
