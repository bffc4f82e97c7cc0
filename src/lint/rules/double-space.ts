import type { LintRule } from '../types.ts'

const DOUBLE = /(?<=\S) {2,}(?=\S)/g

/** Two or more spaces between words (a hard break's trailing spaces are not text, so never seen here). */
export const doubleSpace: LintRule = {
  id: 'T004',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        if (!block.source.includes('  ')) continue
        for (const match of block.source.matchAll(DOUBLE)) {
          report('T004', file, block.placeOf(match.index), `Unexpected ${match[0].length} spaces between words, expected one`)
        }
      }
    }
  },
}
