import { regexRule } from '../rule.ts'

/** A hyphen between digits is a range: an en dash (SEMoS 8.7.4), `1914-1918`, `pages 5-10`. */
export const enDashRanges = regexRule('en-dash-ranges', '-', /-(?<=\d-)(?=\d)/g, '–')
