import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * With `nbsp: 'regular'`, every narrow no-break space (U+202F, French's
 * fine space, German's `z. B.`) becomes a no-break space (U+00A0): fonts
 * made to the WGL4 set (Georgia, the default serif of many readers) lack
 * U+202F, and a reader without font fallback shows a box or nothing.
 */
export const narrowSpaceVariant: Rule = {
  name: 'narrow-space-variant',
  trigger: '\u202F',
  apply(input, options) {
    if (options.nbsp !== 'regular') return input
    return replaceAll(input, /\u202F/g, '\u00A0')
  },
}
