import type { LintRule } from '../types.ts'

const QUOTES = /[‘’”]/g

/**
 * `"home".`: American style (and Standard Ebooks) sets a period or comma
 * inside the closing quote. A `’` counts only while a `‘` is open, so a
 * plural possessive (`the Joneses’.`) is not reported.
 */
export const punctuationOutsideQuote: LintRule = {
  id: 'T007',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        const { curled } = block
        if (!curled.includes('”') && !curled.includes('’')) continue
        let singles = 0
        // Only the curly quotes count: the scan goes from one to the next.
        for (const { index: at } of curled.matchAll(QUOTES)) {
          if (at >= curled.length - 1) break
          const character = curled[at]
          if (character === '‘') singles++
          const closes = character === '”' || (character === '’' && singles > 0 && !/[\p{L}\p{N}]/u.test(curled[at + 1]!))
          if (character === '’' && closes) singles--
          const next = curled[at + 1]
          if (closes && (next === '.' || next === ',') && curled[at + 2] !== '.') {
            report('T007', file, block.placeOf(at + 1), `Unexpected \`${next}\` after the closing \`${character}\`, expected it inside: \`${next}${character}\``)
          }
        }
      }
    }
  },
}
