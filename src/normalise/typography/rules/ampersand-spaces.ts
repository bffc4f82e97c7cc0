import { NO_BREAK_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/** An ampersand is tied to the word before it, so a line never starts with one (SE's typogrify): `Smith & Sons`. */
export const ampersandSpaces = regexRule('ampersand-spaces', '&', /(?<=\S)[ \t\n](?=&[ \t\n])/g, NO_BREAK_SPACE)
