import { HAIR_SPACE, HARD_BREAK, NO_BREAK_SPACE, WORD_JOINER } from '../chars.ts'
import { regexRule } from '../rule.ts'

const BEFORE = WORD_JOINER + HAIR_SPACE + WORD_JOINER
/** Nothing before an ellipsis at a block or line start or after an opening mark. */
const BARE_AFTER = new Set([HARD_BREAK, '“', '‘', '(', '['])
/** Nothing after an ellipsis before a closing mark, a dash or another ellipsis. */
const BARE_BEFORE = new Set([HARD_BREAK, '”', '’', ')', ']', '—', '–', '⸺', '⸻', '…'])
const PUNCTUATION = new Set(['!', '?', '.', ',', ';', ':'])
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Ellipsis spacing (SEMoS 8.7.3): word joiner, hair space, word joiner
 * before it (except at a start or after an opening mark); after it a hair
 * space before punctuation, nothing before a closing quote or at the end,
 * and a regular space before anything else. `’` followed by a letter is an
 * elision (`… ’Tis`), so it gets the space.
 */
export const ellipsisSpacing = regexRule('ellipsis-spacing', '…', /[ \t\n\u00A0\u200A]*…[ \t\n\u00A0\u200A]*/g, (match, text) => {
  const start = match.index
  const end = start + match[0].length
  const before = text[start - 1]
  const after = text[end]
  const prefix = before === undefined || BARE_AFTER.has(before) ? '' : BEFORE
  // An ellipsis that opens dialogue is tied to the word after it (SE's typogrify).
  let suffix = before === '“' || before === '‘' ? NO_BREAK_SPACE : ' '
  if (after === undefined) suffix = ''
  else if (PUNCTUATION.has(after)) suffix = HAIR_SPACE
  else if (BARE_BEFORE.has(after)) {
    const next = text[end + 1]
    suffix = after === '’' && next !== undefined && LETTER_OR_DIGIT.test(next) ? ' ' : ''
  }
  return prefix + '…' + suffix
})
