import { regexRule } from '../rule.ts'

/**
 * Three periods, spaced or not, are an ellipsis (SEMoS 8.7.3); a fourth is
 * the sentence's period and goes first, as SE's typogrify sets `. …`. An
 * ellipsis glyph followed by a period is turned round the same way.
 */
export const ellipses = regexRule('ellipses', '.…', /\.(?:[ \t]?\.){2,}|…[ \t]?\.(?!\.)/g, (match) => {
  if (match[0].startsWith('…')) return '.…'
  let dots = 0
  for (const character of match[0]) if (character === '.') dots++
  return dots === 4 ? '.…' : '…'
})
