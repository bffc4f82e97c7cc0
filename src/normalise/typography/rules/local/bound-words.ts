import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

const cache = new Map<string, RegExp>()

/**
 * A one-letter word is tied to the next one with a no-break space, so it
 * never ends a line: Polish a i o u w z (PWN), Czech v s z k o u a i
 * (ČSN 01 6910), Russian в к с у о и а я (Мильчин; typograf's
 * `ru/nbsp/afterShortWord`).
 */
export const boundWords: Rule = {
  name: 'bound-words',
  trigger: ' ',
  apply(input, options) {
    const letters = options.profile.boundWords
    if (!letters) return input
    let pattern = cache.get(letters)
    if (!pattern) {
      pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}'’-])([${letters}])[ \\t]+(?=[\\p{L}\\p{N}«„"'(])`, 'gu')
      cache.set(letters, pattern)
    }
    return replaceAll(input, pattern, (match) => `${match[1]}\u00A0`)
  },
}
