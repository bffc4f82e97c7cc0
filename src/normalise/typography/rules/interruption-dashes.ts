import { regexRule } from '../rule.ts'

/**
 * Interrupted dialog takes one em dash, not a two-em dash (SEMoS 8.7.7):
 * `never----"` or a block-final `were----`. After a capital (`Sally J----`)
 * it is an obscured name and stays, as in SE's typogrify.
 */
export const interruptionDashes = regexRule('interruption-dashes', '⸺', /(?<=[\p{Ll}I.,!?;])⸺(?=[”’](?![\p{L}\p{N}])|$)/gu, '—')
