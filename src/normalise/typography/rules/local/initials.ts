import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * Initials are tied to each other and to the surname with no-break spaces
 * (Мильчин; typograf's `ru/nbsp/initials`): `А. С. Пушкин`, `J. K. Nowak`.
 */
export const initials: Rule = {
  name: 'initials',
  trigger: '.',
  apply(input, options) {
    if (!options.profile.initials) return input
    return replaceAll(input, /(?<![\p{L}\p{N}])(\p{Lu}\.)[ \t]+(?=\p{Lu})/gu, (match) => `${match[1]}\u00A0`)
  },
}
