import { regexRule } from '../rule.ts'

/**
 * Interrupted dialog takes one em dash, not a two-em dash (SEMoS 8.7.7):
 * `never----"` or a block-final `were----`. After a capital (`Sally J----`)
 * it is an obscured name and stays, as in SE's typogrify. After a word of
 * two or more letters (`he were---- and then`) it is an interruption too,
 * and takes no space after it; `d----d` keeps its two-em dash.
 */
export const interruptionDashes = regexRule('interruption-dashes', '⸺', /(?<=[\p{Ll}I.,!?;])⸺(?=[”’](?![\p{L}\p{N}])|$)|(?<=\p{L}\p{Ll})⸺[ \t]?/gu, '—')
