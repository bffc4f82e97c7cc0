import { regexRule } from '../rule.ts'

/**
 * A hyphen typed at the end of a word before a quote that closes, or at the
 * block's end, is a cut-off word: an em dash (`"I never-" she said`,
 * `crushing, crushing-`). Suspended compounds (`pre- and post-war`) have a
 * space after the hyphen and stay.
 */
export const wordFinalHyphens = regexRule('word-final-hyphens', '-', /-(?<=[\p{L}\p{N}]-)(?=["”'’]?$|["”'’](?:[\s,.;:!?\u2028)]|$))/gu, '—')
