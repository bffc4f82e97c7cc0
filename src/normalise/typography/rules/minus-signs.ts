import { regexRule } from '../rule.ts'

/**
 * A hyphen before a standalone number is a minus sign (U+2212): `-5`, and
 * subtraction between spaced numbers, `5 - 2` (the spaces stay). Patterns
 * here start with the hyphen and look behind it, so the regex engine skips
 * straight from hyphen to hyphen. SEMoS 8.7.4 (dashes) and 8.8 (math).
 */
export const minusSigns = regexRule('minus-signs', '-', /-(?<=\d[ \t]+-)(?=[ \t]+\d)|-(?<![^\s(\[“‘"'=]-)(?=\d)/g, '−')
