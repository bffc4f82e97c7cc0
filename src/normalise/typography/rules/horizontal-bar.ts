import { regexRule } from '../rule.ts'

/** A horizontal bar (U+2015) standing in for a dash becomes an em dash, as SE's typogrify does. */
export const horizontalBar = regexRule('horizontal-bar', '\u2015', /\u2015/g, '—')
