import { regexRule } from '../rule.ts'

const DIGIT = /\d/
const LETTER = /\p{L}/u
/** A word-initial letter, then `--` and at most a few letters or a mark: a letter-elided oath (`D--n`, `d--me`, `G--!`). */
const OATH = /(?<![\p{L}\p{N}])[B-HJ-NP-Zb-hj-np-z]$/u
const OATH_END = /^(?:\p{Ll}{1,3}(?![\p{L}\p{N}])|[!?,.;:])/u

/**
 * Typed dashes: `--` or `---` is an em dash; `----` (or five) a two-em dash
 * for a partly obscured word; six or more a three-em dash for a wholly
 * obscured one (SEMoS 8.7.7). `--` between digits is TeX's en dash. A
 * letter-elided oath (`D--n me`, `d--me`, `G--!`) takes a two-em dash
 * (SEMoS 8.7.7.8); `----` standing for a whole word (`General ----'s
 * regiment`, `the town of ----,`) a three-em dash.
 */
export const hyphenRuns = regexRule('hyphen-runs', '-', /-{2,}/g, (match, text) => {
  const length = match[0].length
  if (length >= 6) return '⸻'
  const before = text[match.index - 1]
  const after = text[match.index + length]
  if (length >= 4) return (before === undefined || /\s/.test(before)) && (after === undefined || !LETTER.test(after)) ? '⸻' : '⸺'
  if (length === 2 && before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) return '–'
  if (OATH.test(text.slice(Math.max(0, match.index - 3), match.index)) && OATH_END.test(text.slice(match.index + length, match.index + length + 5))) return '⸺'
  return '—'
})
