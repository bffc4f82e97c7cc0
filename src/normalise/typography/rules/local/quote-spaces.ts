import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * French sets a fine no-break space inside « » (Imprimerie nationale;
 * U+202F, the narrow no-break space): a space the writer typed there is
 * replaced, and one is added where none was typed, so `« Allez-vous-en »`
 * cannot break after « or before ».
 */
export const quoteSpaces: Rule = {
  name: 'quote-spaces',
  trigger: '«»',
  apply(input, options) {
    const { quoteSpace } = options.profile
    if (!quoteSpace) return input
    return replaceAll(input, /«[ \t\u00A0\u202F]*»|«[ \t\u00A0\u202F]*(?=[^\s»])|(?<=[^\s«])[ \t\u00A0\u202F]*»/g, (match) => {
      if (match[0].length > 1 && match[0].endsWith('»') && match[0].startsWith('«')) return `«${quoteSpace}»`
      return match[0][0] === '«' ? `«${quoteSpace}` : `${quoteSpace}»`
    })
  },
}
