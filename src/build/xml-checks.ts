import type { BuildCache } from '../cache/store.ts'
import type { TextDeflater } from '../package/index.ts'
import { isXmlEntry, type XmlChecker } from '../verify/index.ts'
import type { XmlProblem } from '../verify/well-formed.ts'
import type { Executor } from '../workers/executor.ts'

/**
 * The well-formedness checks of one build, on the executor. The package
 * step deflates its big texts there and checks the XML in the same task,
 * while the text is at hand (0011): the verify step then takes those
 * results (`checked`) rather than send every page to the threads again,
 * and skips what an earlier build found well-formed.
 */
export class XmlChecks {
  /** XML texts already checked in this build, with what was found (undefined: well-formed). */
  readonly #checked = new Map<string, XmlProblem | undefined>()

  constructor(
    readonly executor: Executor,
    readonly cache: BuildCache | undefined,
  ) {}

  /** Encodes and deflates texts on the executor, checking XML on the way. */
  readonly deflate: TextDeflater = async (texts) => {
    const done = await this.executor.map(texts.map(({ path, text }) => ({ kind: 'deflate' as const, text, xml: isXmlEntry(path) })))
    done.forEach((result, index) => {
      if (result.xml !== undefined) this.#checked.set((texts[index] as { text: string }).text, result.xml ?? undefined)
    })
    return done.map((result) => result.entry)
  }

  /** Checks XML on the executor, skipping documents checked as they were deflated and documents an earlier build found well-formed. */
  readonly check: XmlChecker = async (entries) => {
    const results: Array<XmlProblem | undefined> = new Array(entries.length)
    const settle = (index: number, problem: XmlProblem | undefined): void => {
      results[index] = problem
      if (!problem) this.cache?.rememberWellFormed((entries[index] as { text: string }).text)
    }
    const todo: number[] = []
    entries.forEach((entry, index) => {
      if (this.#checked.has(entry.text)) settle(index, this.#checked.get(entry.text))
      else if (!this.cache?.isWellFormed(entry.text)) todo.push(index)
    })
    await this.executor.map(
      todo.map((index) => ({ kind: 'xml' as const, text: (entries[index] as { text: string }).text })),
      { onEach: (position, result) => settle(todo[position] as number, result) },
    )
    return results
  }
}
