import { regexRule } from '../rule.ts'

/** The archaic `,—` is a plain em dash (SE's typogrify). */
export const commaDashes = regexRule('comma-dashes', '—', /,(?=—)/g, '')
