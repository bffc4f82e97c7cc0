import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * French times, `20 h 30` and `8 h`: no-break spaces around the `h`
 * (Imprimerie nationale), so the time never breaks over a line.
 */
export const hourSpaces: Rule = {
  name: 'hour-spaces',
  trigger: 'h',
  apply(input, options) {
    if (!options.profile.hourSpaces) return input
    return replaceAll(input, /(?<=\d)[ \t]+h(?:[ \t]+(?=\d))?(?!\p{L})/gu, (match) => (/[ \t]$/.test(match[0]) ? '\u00A0h\u00A0' : '\u00A0h'))
  },
}
