import { regexRule } from '../rule.ts'

/** House style (SE's typogrify): common Latinisms are set closed up, `i. e.` → `i.e.`, `e. g.` → `e.g.`. */
export const latinisms = regexRule('latinisms', '.', /\.(?<=(?<!\p{L})([IiEe])\.)[ \t\n]+([eg])\./gu, (match) => {
  // The match starts at the first period (rarer than an i or e); the letter before it stays where it is.
  const pair = `${match[1]!.toLowerCase()}${match[2]}`
  return pair === 'ie' || pair === 'eg' ? `.${match[2]}.` : match[0]
})
