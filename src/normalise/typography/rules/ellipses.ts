import { regexRule } from '../rule.ts'

const LOWERCASE_NEXT = /^[ \t\n]*\p{Ll}/u

/**
 * Three periods, spaced or not, are an ellipsis (SEMoS 8.7.3); a fourth is
 * the sentence's period and goes first, as SE's typogrify sets `. …`. An
 * ellipsis glyph followed by a period is turned round the same way. Before
 * a lowercase word the sentence has not ended, so there is no period (SE's
 * typogrify: "don't use . … within a clause").
 */
export const ellipses = regexRule('ellipses', '.…', /\.(?:[ \t]?\.){2,}|…[ \t]?\.(?!\.)/g, (match, text) => {
  const withinClause = LOWERCASE_NEXT.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8))
  if (match[0].startsWith('…')) return withinClause ? '…' : '.…'
  let dots = 0
  for (const character of match[0]) if (character === '.') dots++
  // At a block's start there is no sentence for the period to end.
  return dots === 4 && !withinClause && match.index > 0 ? '.…' : '…'
})
