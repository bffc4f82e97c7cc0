import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/** Feet and inches: a no-break space between `6′` and `1″` (SEMoS 8.8, measurements). */
export const primeSpacing = regexRule('prime-spacing', '′', /(?<=\d′)[ \t\u00A0]+(?=\d+(?:[.,]\d+)?″)/g, NO_BREAK_SPACE)
