import { regexRule } from '../rule.ts'

/**
 * A hyphen before a standalone number is a minus sign (U+2212): `-5`, and
 * subtraction between spaced numbers, `5 - 2`. SEMoS 8.7.4 (dashes) and 8.8 (math).
 */
export const minusSigns = regexRule('minus-signs', '-', /(?<=\d)[ \t]+-[ \t]+(?=\d)|(?<![^\s(\[“‘"'=])-(?=\d)/g, (match) =>
  match[0].length === 1 ? '−' : ' − ',
)
