import type { LintRule } from '../types.ts'

const COMPOUND = /(?<![\p{L}-])(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t\n]+(one|two|three|four|five|six|seven|eight|nine)(?![\p{L}-])/giu
const TENS_END = /ty[ \t\n]/i

/** `forty one`: compound numbers from twenty-one to ninety-nine take a hyphen. */
export const compoundNumber: LintRule = {
  id: 'T006',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        // Every tens word ends in "ty": a block without "ty" and a space has nothing to match (a quarter of the cost).
        if (!TENS_END.test(block.source)) continue
        for (const match of block.source.matchAll(COMPOUND)) {
          report('T006', file, block.placeOf(match.index), `Unexpected \`${match[0]}\`, expected \`${match[1]}-${match[2]}\``)
        }
      }
    }
  },
}
