import { regexRule } from '../rule.ts'

const GLYPHS: Readonly<Record<string, string>> = {
  '1/4': '¼', '1/2': '½', '3/4': '¾', '1/3': '⅓', '2/3': '⅔', '1/5': '⅕', '2/5': '⅖', '3/5': '⅗',
  '4/5': '⅘', '1/6': '⅙', '5/6': '⅚', '1/8': '⅛', '3/8': '⅜', '5/8': '⅝', '7/8': '⅞',
}

/**
 * Common fractions typed with a slash become their Unicode glyphs, joined
 * to a whole number before them (`2 1/2` → `2½`), as SE's typogrify sets
 * them. Not inside a longer number or date (`11/12/1990`).
 */
export const fractions = regexRule(
  'fractions',
  '/',
  /(?<![\d/.,])([1-7])\/([2-8])(?![\d/])|(?<=\d)[ \t]([1-7])\/([2-8])(?![\d/])/g,
  (match) => GLYPHS[`${match[1] ?? match[3]}/${match[2] ?? match[4]}`] ?? match[0],
)
