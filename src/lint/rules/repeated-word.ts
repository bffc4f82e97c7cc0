import type { LintRule } from '../types.ts'

const REPEATED = /(?<![\p{L}\p{N}'’-])(\p{L}+)[ \t\n]+(\1)(?![\p{L}\p{N}'’-])/giu

/** Doubled words that are good English (`he had had enough`, `that that is`). */
const ALLOWED = new Set(['had', 'that', 'is'])

/** The same word twice in a row, as `the the`, whatever the case. */
export const repeatedWord: LintRule = {
  id: 'T005',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        for (const match of block.source.matchAll(REPEATED)) {
          const word = match[1]!
          if (ALLOWED.has(word.toLowerCase())) continue
          const second = match.index + match[0].length - match[2]!.length
          report('T005', file, block.placeOf(second), `Unexpected repeated word \`${word} ${match[2]}\`, expected \`${word}\` once`)
        }
      }
    }
  },
}
