import { WORD_JOINER } from '../chars.ts'
import { regexRule } from '../rule.ts'

const SPACE = /\s/
const SPACE_OR_PUNCTUATION = /[\s\p{P}]/u

/**
 * Word joiners (SEMoS 8.7.7): before every em, two-em and three-em dash that
 * follows a character (not at a block or line start, not after a space) so
 * the dash cannot begin a line; after a two-em dash that runs into a word;
 * on both sides of an en dash.
 */
export const dashWordJoiners = regexRule('dash-word-joiners', '—⸺⸻–', /[—⸺⸻–]/g, (match, text) => {
  const dash = match[0]
  const before = text[match.index - 1]
  const after = text[match.index + 1]
  const joinBefore = before !== undefined && !SPACE.test(before)
  let joinAfter = false
  if (after !== undefined) {
    if (dash === '–') joinAfter = !SPACE.test(after)
    else if (dash === '⸺') joinAfter = !SPACE_OR_PUNCTUATION.test(after)
  }
  return (joinBefore ? WORD_JOINER : '') + dash + (joinAfter ? WORD_JOINER : '')
})
