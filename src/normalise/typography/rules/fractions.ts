import { regexRule } from '../rule.ts'

const GLYPHS: Readonly<Record<string, string>> = {
  '1/4': '¼', '1/2': '½', '3/4': '¾', '1/7': '⅐', '1/9': '⅑', '1/10': '⅒', '1/3': '⅓', '2/3': '⅔', '1/5': '⅕',
  '2/5': '⅖', '3/5': '⅗', '4/5': '⅘', '1/6': '⅙', '5/6': '⅚', '1/8': '⅛', '3/8': '⅜', '5/8': '⅝', '7/8': '⅞',
}
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉'

/** `4/19` → `⁴⁄₁₉`: superscript, fraction slash, subscript, for fractions without a glyph. */
function built(numerator: string, denominator: string): string {
  const map = (digits: string, set: string): string => [...digits].map((digit) => set[Number(digit)]).join('')
  return `${map(numerator, SUPERSCRIPT)}⁄${map(denominator, SUBSCRIPT)}`
}

/**
 * Fractions typed with a slash become Unicode fractions (SE's typogrify):
 * a glyph where there is one (`1/2` → `½`), else superscript, fraction
 * slash and subscript (`4/19` → `⁴⁄₁₉`); a whole number before one is
 * joined to it (`2 1/2` → `2½`). Only proper fractions of up to three
 * digits: `24/7`, `50/50` and dates such as `11/12/1990` stay as typed.
 */
export const fractions = regexRule(
  'fractions',
  '/',
  /(?<![\d/.,])(\d{1,3})\/(\d{1,3})(?![\d/])|(?<=\d)[ \t](\d{1,3})\/(\d{1,3})(?![\d/])/g,
  (match) => {
    const numerator = match[1] ?? match[3]!
    const denominator = match[2] ?? match[4]!
    if (Number(numerator) === 0 || Number(numerator) >= Number(denominator)) return match[0]
    return GLYPHS[`${numerator}/${denominator}`] ?? built(numerator, denominator)
  },
)
