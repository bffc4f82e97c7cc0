import type { BuildCache } from '../cache/store.ts'
import type { TextDeflater } from '../package/index.ts'
import { isXmlEntry, type XmlChecker } from '../verify/index.ts'
import type { XmlProblem } from '../verify/well-formed.ts'
import type { Pool } from '../workers/pool.ts'
import type { DeflatedText, TextSettings } from '../workers/tasks.ts'

/**
 * The well-formedness checks of one build, on the pool. For a big book the
 * package step deflates its texts on the worker threads and checks the XML
 * in the same task, while the text is at hand (0011): the verify step then
 * takes those results (`checked`) rather than send every page to the
 * threads again, and skips what an earlier build found well-formed.
 */
export class XmlOnPool {
  /** XML texts already checked in this build, with what was found (undefined: well-formed). */
  readonly #checked = new Map<string, XmlProblem | undefined>()

  constructor(
    readonly pool: Pool,
    readonly settings: TextSettings,
    readonly cache: BuildCache | undefined,
  ) {}

  /** Encodes and deflates texts on the pool (the main thread and the workers share them), checking XML on the way. */
  readonly deflate: TextDeflater = async (texts) => {
    const done = (await this.pool.run(
      texts.map(({ path, text }) => ({ kind: 'deflate', text, xml: isXmlEntry(path) })),
      this.settings,
    )) as DeflatedText[]
    done.forEach((result, index) => {
      if (result.xml !== undefined) this.#checked.set((texts[index] as { text: string }).text, result.xml ?? undefined)
    })
    return done.map((result) => result.entry)
  }

  /** Checks XML on the pool, skipping documents checked as they were deflated and documents an earlier build found well-formed. */
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
    await this.pool.run(
      todo.map((index) => ({ kind: 'xml', text: (entries[index] as { text: string }).text })),
      this.settings,
      (position, result) => settle(todo[position] as number, result as XmlProblem | undefined),
    )
    return results
  }
}
