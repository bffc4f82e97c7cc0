import { recordMessage, type MessageRecord } from '../cache/messages.ts'
import { createTextRenderer, sourceFile, type TextSettings, type TextSource } from '../render/text.ts'
import { wellFormedError, type XmlProblem } from '../verify/well-formed.ts'

/**
 * The work a build hands out, the same whether it runs on the main thread
 * or a worker: render one text to XHTML, or check one XML document.
 */
export type Task = { kind: 'text'; source: TextSource } | { kind: 'xml'; text: string }

export interface TextResult {
  xhtml: string
  messages: MessageRecord[]
}

/** A text with images: rendered on the main thread once its image files are read. */
export interface ImagesFirst {
  images: true
}

export type TaskResult = TextResult | ImagesFirst | XmlProblem | undefined

/** Runs tasks with one renderer per settings (a unified processor is reused, not rebuilt per text). */
export function createRunner(settings: TextSettings): (task: Task) => TaskResult {
  let render: ((file: ReturnType<typeof sourceFile>) => string | undefined) | undefined
  return (task) => {
    if (task.kind === 'xml') return wellFormedError(task.text)
    render ??= createTextRenderer(settings)
    const file = sourceFile(task.source)
    const xhtml = render(file)
    if (xhtml === undefined) return { images: true }
    return { xhtml, messages: file.messages.map(recordMessage) }
  }
}
