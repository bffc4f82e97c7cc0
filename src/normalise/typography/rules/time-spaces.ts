import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/**
 * A time in digits is tied to its `a.m.`/`p.m.` with a no-break space
 * (SEMoS 8.11). A time in words keeps a regular space (`seven a.m.`).
 */
export const timeSpaces = regexRule('time-spaces', '.', /(?<=\d)[ \t\n]+(?=[ap]\.m\.)/gi, NO_BREAK_SPACE)
