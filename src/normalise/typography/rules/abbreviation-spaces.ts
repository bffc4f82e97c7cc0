import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/**
 * An abbreviation that describes the next word is tied to it with a
 * no-break space (SEMoS 8.10): `Mr. Smith`, `Dr. Leonard`, `St. Paul`,
 * `No. 5`. Only before a capital or digit, so `Mr. and Mrs. Smith` ties
 * `Mrs.` but not `Mr.`, and a sentence-final `St.` before `and` is left alone.
 */
export const abbreviationSpaces = regexRule(
  'abbreviation-spaces',
  '.',
  /\b((?:Mr|Mrs|Ms|Dr|St|Prof|Capt|Lt|Gen|Col|Sgt|Messrs|Mt|Rev|Fr|Lieut|Pvt)\.|No\.(?=[ \t\n\u00A0]+\d))[ \t\n\u00A0]+(?=[\p{Lu}\p{N}“‘])/gu,
  (match) => match[1] + NO_BREAK_SPACE,
)
