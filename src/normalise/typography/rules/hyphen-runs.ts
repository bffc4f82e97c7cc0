import { regexRule } from '../rule.ts'

const DIGIT = /\d/

/**
 * Typed dashes: `--` or `---` is an em dash; `----` (or five) a two-em dash
 * for a partly obscured word; six or more a three-em dash for a wholly
 * obscured one (SEMoS 8.7.7). `--` between digits is TeX's en dash.
 */
export const hyphenRuns = regexRule('hyphen-runs', '-', /-{2,}/g, (match, text) => {
  const length = match[0].length
  if (length >= 6) return '⸻'
  if (length >= 4) return '⸺'
  const before = text[match.index - 1]
  const after = text[match.index + length]
  if (length === 2 && before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) return '–'
  return '—'
})
