import { regexRule } from '../rule.ts'

/** House style (SE's typogrify): common Latinisms are set closed up, `i. e.` → `i.e.`, `e. g.` → `e.g.`. */
export const latinisms = regexRule('latinisms', '.', /(?<![\p{L}])([IiEe])\.[ \t\n]+([eg])\./gu, (match) => {
  const pair = `${match[1]!.toLowerCase()}${match[2]}`
  return pair === 'ie' || pair === 'eg' ? `${match[1]}.${match[2]}.` : match[0]
})
