import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

const COMMON: Readonly<Record<string, string>> = { '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）' }
const SCRIPT = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー'
/** A run of marks after Chinese or Japanese text (or after a full-width mark), or `(` before it. */
const MARKS = new RegExp(`(?<=[${SCRIPT}」』”’）！？。，、：；])[,.!?:;)](?:[ \\t]*[,.!?:;)])*[ \\t]*|(?<=[${SCRIPT}]|^)\\((?=[${SCRIPT}])`, 'gu')

/**
 * Punctuation typed in ASCII after Chinese or Japanese text takes its
 * full-width form (GB/T 15834-2011; JIS X 4051): `，` `。` in Chinese,
 * `、` `。` in Japanese, `！` `？` `：` `；` `（ ）`, and the space typed
 * after it goes (the full-width mark carries its own). A period before a
 * digit is a decimal point and stays.
 */
export const cjkPunctuation: Rule = {
  name: 'cjk-punctuation',
  trigger: ',.!?:;()',
  apply(input, options) {
    const { cjk } = options.profile
    if (!cjk) return input
    return replaceAll(input, MARKS, (match, text) => {
      const marks = match[0].replace(/[ \t]/g, '')
      const next = text[match.index + match[0].length] ?? ''
      if (marks === '.' && /\d/.test(next)) return match[0]
      return [...marks]
        .map((mark) => (mark === ',' ? (cjk === 'ja' ? '、' : '，') : mark === '.' ? '。' : (COMMON[mark] ?? mark)))
        .join('')
    })
  },
}
