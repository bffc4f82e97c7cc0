import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

const COMMON: Readonly<Record<string, string>> = { '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）' }
const AFTER_CJK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー」』”’）！？])([,.!?:;)]|\((?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]))[ \t]*/gu

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
    return replaceAll(input, AFTER_CJK, (match, text) => {
      const mark = match[1]!
      if (mark === '.' && /\d/.test(text[match.index + 1] ?? '')) return match[0]
      if (mark === ',') return cjk === 'ja' ? '、' : '，'
      if (mark === '.') return '。'
      return COMMON[mark] ?? match[0]
    })
  },
}
