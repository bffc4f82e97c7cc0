import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * French attaches the ellipsis to the word before it (Imprimerie nationale:
 * `Je ne sais pas…`): a space typed between goes. After a punctuation mark
 * or an opening guillemet, and in other languages, the spacing stays as
 * typed (German `würde …` marks a word left out).
 */
export const attachedEllipses: Rule = {
  name: 'attached-ellipses',
  trigger: '…',
  apply(input, options) {
    if (!options.profile.ellipsisAttached) return input
    return replaceAll(input, /(?<=[\p{L}\p{N}])[ \t]+(?=…)/gu, '')
  },
}
