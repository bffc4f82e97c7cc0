import { ELISIONS } from '../../normalise/typography/rules/elisions.ts'
import type { LintRule } from '../types.ts'

const WORD_START = /(?<=^|[\s“‘"(\[—–-])'(\p{L}+)/gu
/** A `'` after a word or punctuation and before a space, punctuation or the end: it can close a quote. */
const CLOSING = /(?<=[\p{L}\p{N}.,!?;:…—-])'(?![\p{L}\p{N}])/gu
const SPACED_DOUBLE = /(?<=\s)"(?=\s)/g

/**
 * Straight quotes whose direction was guessed. A `'` before a word on the
 * elision list (`'Cause`) is set as an apostrophe, but when a closing `'`
 * follows in the same paragraph it was probably a quotation; a `"` with a
 * space on both sides can open or close.
 */
export const ambiguousQuote: LintRule = {
  id: 'T002',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        const { source } = block
        if (!source.includes("'") && !source.includes('"')) continue
        for (const match of source.matchAll(WORD_START)) {
          const word = match[1]!
          if (!ELISIONS.has(word.toLowerCase())) continue
          CLOSING.lastIndex = match.index + 1
          if (!CLOSING.exec(source)) continue
          report('T002', file, block.placeOf(match.index), `Unexpected ambiguous \`'${word}\`: set as the elision \`’${word}\`, but a closing \`'\` follows; expected \`‘${word}\` typed in the source if it opens a quotation, or \`’${word}\` to confirm the elision`)
        }
        CLOSING.lastIndex = 0
        for (const match of source.matchAll(SPACED_DOUBLE)) {
          report('T002', file, block.placeOf(match.index), 'Unexpected `"` with a space on both sides, expected it against the word it opens or closes (or a curly `“` or `”`)')
        }
      }
    }
  },
}
