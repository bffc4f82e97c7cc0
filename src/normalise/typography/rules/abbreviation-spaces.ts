import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/**
 * An abbreviation that describes the next word is tied to it with a
 * no-break space (SEMoS 8.10; SE's typogrify): `Mr. Smith`, `Dr. Leonard`,
 * `Mr. and Mrs. Smith`, `St. Paul`, and `No.` before digits. `Messrs.` keeps
 * an ordinary space, as in SE's editions. Not before a
 * hard break or the block's end, where there is no next word.
 */
export const abbreviationSpaces = regexRule(
  'abbreviation-spaces',
  '.',
  // Starts at the period (the regex engine skips from one to the next) and looks back for the abbreviation.
  /\.(?:(?<=(?<![\p{L}\p{N}])(?:Mr|Mrs|Ms|Mmes?|Mlles?|Mdlle|MM|Mon|Drs?|St|Profs?|Capt|Lt|Lieut|Gen|Col|Sgt|Mt|Rev|Fr|Pvt|Esq|Hon)\.)|(?<=(?<![\p{L}\p{N}])No\.)(?=[ \t\n\u00A0]+\d))[ \t\n\u00A0]+(?=[^\s\u2028])/gu,
  `.${NO_BREAK_SPACE}`,
)
