import { tokenize, tokenTypes } from 'css-tree/tokenizer'

/** A URL a style sheet names: in `url(…)`, or the string of an `@import`. */
export interface CssUrl {
  /** The URL as CSS means it, escapes decoded. */
  url: string
  /** Offset of the `url(` or the `@import` string in the text. */
  offset: number
  kind: 'url' | 'import'
}

/**
 * Every URL a style sheet names, found by css-tree's tokenizer (CSS Syntax
 * Level 3): `url(a.png)`, `url("a.png")` in any letter case, and `@import
 * "a.css"`; a URL in a comment or a string elsewhere is none. Pure, and cheap
 * enough for every build's book.css.
 */
export function cssUrls(css: string): CssUrl[] {
  const found: CssUrl[] = []
  /** Where the last `url(` function or `@import` began, waiting for its string. */
  let pending: { offset: number; kind: CssUrl['kind'] } | undefined
  tokenize(css, (type, start, end) => {
    const text = css.slice(start, end)
    if (type === tokenTypes.Url) {
      // `@import url(a.css)` is an import too.
      found.push({ url: unescape(text.slice(text.indexOf('(') + 1, -1).trim()), offset: pending?.offset ?? start, kind: pending?.kind ?? 'url' })
      pending = undefined
    } else if (type === tokenTypes.Function && text.toLowerCase() === 'url(') {
      pending = pending?.kind === 'import' ? pending : { offset: start, kind: 'url' }
    } else if (type === tokenTypes.AtKeyword && text.toLowerCase() === '@import') {
      pending = { offset: start, kind: 'import' }
    } else if (type === tokenTypes.String && pending) {
      found.push({ url: unescape(text.slice(1, text.endsWith(text[0]!) && text.length > 1 ? -1 : undefined)), offset: pending.offset, kind: pending.kind })
      pending = undefined
    } else if (type !== tokenTypes.WhiteSpace && type !== tokenTypes.Comment) {
      pending = undefined
    }
  })
  return found
}

/** CSS escapes: `\26 ` is `&`, `\"` is `"`; an escaped newline is nothing. */
function unescape(text: string): string {
  return text.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/g, (_, hex?: string, newline?: string, char?: string) => {
    if (newline) return ''
    if (char !== undefined) return char
    const code = Number.parseInt(hex ?? '0', 16)
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code)
  })
}
