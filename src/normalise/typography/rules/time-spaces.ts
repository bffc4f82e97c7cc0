import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/**
 * A number in digits is tied to what it counts when that is abbreviated
 * (SEMoS 8.11, and SE's typogrify): a time to its `a.m.`/`p.m.`, an amount
 * to its unit (`8 oz.`, `10 lbs.`, `5 ft.`). A time in words keeps a
 * regular space (`seven a.m.`).
 */
export const timeSpaces = regexRule(
  'time-spaces',
  '.',
  /(\d)[ \t\n]+(?=(?:[ap]\.m\.|(?:ft|yd|yds|oz|lb|lbs|cwt|qt|gal|mm|cm|km|kg|mg|ml|hrs)\.))/gi,
  // The pattern starts at the digit (rarer than a space) and gives it back.
  (match) => match[1] + NO_BREAK_SPACE,
)
