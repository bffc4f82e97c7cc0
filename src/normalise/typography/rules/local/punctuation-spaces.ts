import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * French high punctuation takes a no-break space before it (Imprimerie
 * nationale): fine (U+202F) before `;` `!` `?`, a full no-break space
 * before `:` (fr-CH: fine before all four). Only after a word, a closing
 * mark or a digit, and only once before a run (`?!`); a colon between
 * digits or in `http:` (no space after) is not punctuation of a sentence.
 */
const PATTERN = /(?<=[\p{L}\p{N}»”’›)\]…*_])[ \t\u00A0\u202F]*([;!?:])(?=[\s!?»”›’)\u2028]|$)/gu

export const punctuationSpaces: Rule = {
  name: 'punctuation-spaces',
  trigger: ';!?:',
  apply(input, options) {
    const spaces = options.profile.punctuationSpaces
    if (!spaces) return input
    return replaceAll(input, PATTERN, (match) => spaces[match[1]!]! + match[1]!)
  },
}
