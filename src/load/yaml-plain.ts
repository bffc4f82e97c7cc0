import { visit, type Document } from 'yaml'

/**
 * How many times an alias may be resolved into a YAML document's value:
 * the yaml library's own default, which an "alias bomb" (aliases of
 * aliases, each level nine times the last) passes at once.
 */
export const MAX_ALIAS_COUNT = 100

/**
 * A parsed YAML document as plain data, or, when its aliases would expand
 * past `MAX_ALIAS_COUNT` (or an alias names no anchor), why, and the
 * offset of the first alias, for a message at its place: the yaml library
 * throws "Excessive alias count…" with no position.
 */
export function toPlain(doc: Document): { value: unknown } | { problem: string; offset: number } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }
  } catch (error) {
    let offset = 0
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    const excessive = error instanceof Error && /alias count/i.test(error.message)
    return {
      problem: excessive
        ? `Unexpected aliases that expand past ${MAX_ALIAS_COUNT} values (an alias bomb), expected plain values: write them out instead of \`*alias\``
        : `Unexpected alias: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}, expected an alias to an anchor defined before it`,
      offset,
    }
  }
}
