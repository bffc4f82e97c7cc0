import { regexRule } from '../rule.ts'

/**
 * A hyphen, spaced or not, between two four-digit numbers is a range of
 * years (`1914 - 1918`, `1914-1918`): an en dash without spaces (SEMoS
 * 8.7.4), not a subtraction or a parenthetical dash.
 */
export const yearRanges = regexRule('year-ranges', '-', /(?<=(?<!\d)\d{4})[ \t]+-[ \t]+(?=\d{4}(?!\d))/g, '–')
