import { regexRule } from '../rule.ts'

/**
 * Dashes of all types have no white space around them (SEMoS 8.7.4). Only
 * em and en dashes: a two- or three-em dash stands for a word and keeps its
 * spaces. A dash at a line start (after a hard break) keeps what is before
 * it, and an em dash typed right after digits is an obscured year
 * (`the year 19-- in`), which keeps the space after it (SEMoS 8.7.7); so
 * does one before an obscured ordinal (`the --th battalion`).
 */
export const dashSpacing = regexRule('dash-spacing', '—–', /(?<=\S)[ \t\n]+(?=[—–](?!th\b))|(?<=[—–])(?<!\d—)[ \t\n]+(?=\S)/g, '')
