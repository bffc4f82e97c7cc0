import type { Extension, TokenizeContext, Tokenizer } from 'micromark-util-types'

/**
 * micromark-extension-gfm-footnote keeps the footnote labels it has seen
 * in an array on the parser (`parser.gfmFootnotes`) and asks `includes`
 * at every definition and every reference: time growing with the square
 * of their number (20,000 notes took seconds). This extension hands it,
 * before its own constructs run, an array that also keeps a Set, so each
 * question is answered at once. It reads nothing itself: its construct
 * fails at once, and the footnote syntax goes on as before.
 */
export function gfmFootnoteIndex(labels: readonly string[] = []): Extension {
  const construct = { name: 'gfmFootnoteIndex', tokenize: seeded(labels) }
  // Not `add: 'after'`: combined after the footnote extension, it goes before its constructs.
  // At `]` too: `![^1]` and `][^1]` are references read where a label ends, and the footnote
  // extension makes an empty list there if no `[` construct ran first.
  return { document: { 91: construct }, text: { 91: construct, 93: construct } }
}

/** An array of labels whose `includes` is a Set lookup (only `push` and `includes` are used on it). */
class LabelList extends Array<string> {
  readonly #seen = new Set<string>()

  /** With `labels` (micromark's normalised identifiers) defined from the start: definitions read apart from this run of blocks. */
  static of_(labels: readonly string[]): LabelList {
    const list = new LabelList()
    for (const label of labels) list.push(label)
    return list
  }

  // Arrays made from this one (`map`, `slice`) are plain: they carry no Set.
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }

  override push(...labels: string[]): number {
    for (const label of labels) this.#seen.add(label)
    return super.push(...labels)
  }

  override includes(label: string): boolean {
    return this.#seen.has(label)
  }
}

function seeded(labels: readonly string[]): Tokenizer {
  return function (this: TokenizeContext, _effects, _ok, nok) {
    const parser = this.parser as TokenizeContext['parser'] & { gfmFootnotes?: string[] }
    parser.gfmFootnotes ??= LabelList.of_(labels)
    return nok
  }
}
