import { WORD_JOINER, ZERO_WIDTH_NO_BREAK_SPACE } from '../chars.ts'
import type { Rule } from '../rule.ts'
import { replaceAll } from '../tracked-text.ts'

/** With `wordJoiner: 'feff'`, every U+2060 becomes U+FEFF, for old readers that lack U+2060. */
export const wordJoinerVariant: Rule = {
  name: 'word-joiner-variant',
  trigger: WORD_JOINER,
  apply(input, options) {
    if (options.wordJoiner !== 'feff' || !input.text.includes(WORD_JOINER)) return input
    return replaceAll(input, /\u2060/g, ZERO_WIDTH_NO_BREAK_SPACE)
  },
}
