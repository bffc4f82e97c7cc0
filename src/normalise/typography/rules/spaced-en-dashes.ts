import { regexRule } from '../rule.ts'

/**
 * A spaced en dash between words (` – `, common in British-set sources) is a
 * parenthetical dash: SE sets that as an em dash. Between digits it stays a
 * range and only loses its spaces (see dash-spacing).
 */
export const spacedEnDashes = regexRule('spaced-en-dashes', '–', /(?<=[^\s\d])[ \t]+–[ \t\n]+(?=[^\s\d])/g, '—')
