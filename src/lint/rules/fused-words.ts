import type { LintRule } from '../types.ts'

/**
 * `come inEnterprise`: two or more lowercase letters run straight into a
 * capitalised word. Names such as McCoy, MacLeod, DeVries and O’Brien start
 * with a capital, and brands such as iPhone or eBay with one lowercase
 * letter, so neither matches.
 */
const FUSED = /(?<![\p{L}\p{N}'’])(\p{Ll}{2,})(\p{Lu}\p{Ll}+)/gu

/** Lowercase-first words that are spelled so on purpose. */
const LOWER_UPPER = /\p{Ll}\p{Lu}/u

const ALLOWED = new Set(['macOS', 'tvOS', 'watchOS', 'iPadOS', 'ebXML'])

export const fusedWords: LintRule = {
  id: 'T001',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        // A lowercase letter right before a capital is rare in prose; a block without one has nothing to match (a sixth of the cost).
        if (!LOWER_UPPER.test(block.source)) continue
        for (const match of block.source.matchAll(FUSED)) {
          if (ALLOWED.has(match[0])) continue
          const [, head, tail] = match
          report('T001', file, block.placeOf(match.index), `Unexpected fused words \`${match[0]}\`, expected \`${head} ${tail}\` (if emphasis was lost: \`${head} *${tail}*\`)`)
        }
      }
    }
  },
}
