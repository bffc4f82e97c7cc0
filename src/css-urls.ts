import { tokenize, tokenTypes } from 'css-tree/tokenizer'
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils'

/**
 * What a style sheet names or does that a book must check, found in one
 * pass of css-tree's tokenizer (CSS Syntax Level 3), escapes decoded
 * (`u\72l(` is `url(`, `\26` is `&`). A URL in a comment, or in a string
 * outside a resource function or `@import`, is none. The one CSS scanner:
 * the checks of a manuscript's CSS (`load/css-check.ts`), the fonts and
 * images its templates name (`load/template-assets.ts`) and the book's own
 * check of its references (`verify/references.ts`) all read this.
 */
export type CssMention =
  /**
   * A URL: of `url(…)` (`in` is `url`), of another resource function's string (`in` is `image-set`…),
   * or an `@import`'s bare string (`in` is `import`). `offset` is where the function or the `@import`
   * begins, `at` where the URL's own token does; `imported` says it is an `@import`'s.
   */
  | { kind: 'url'; url: string; offset: number; at: number; in: string; imported: boolean }
  /** An `@import` rule, with a URL or not. */
  | { kind: 'import'; offset: number }
  /** A function, its name decoded, in lower case. */
  | { kind: 'function'; name: string; offset: number }
  /** A name followed by `:` (a property, or a selector's element before a pseudo-class), decoded, in lower case. */
  | { kind: 'property'; name: string; offset: number }

/** Functions whose string argument is a resource, as `url("…")`'s is. */
const RESOURCE_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element'])

export function scanCss(css: string): CssMention[] {
  const found: CssMention[] = []
  /** An `@import` just read, waiting for its string or `url()`. */
  let importAt: number | undefined
  /** The resource function open around the tokens, and the depth of parentheses it opened. */
  let resource: { offset: number; in: string; depth: number; imported: boolean } | undefined
  let depth = 0
  /** A name just read, waiting for a `:` to be a property. */
  let name: { name: string; offset: number } | undefined
  tokenize(css, (type, start, end) => {
    if (type === tokenTypes.WhiteSpace || type === tokenTypes.Comment) return
    const raw = css.slice(start, end)
    if (type === tokenTypes.Colon && name) found.push({ kind: 'property', ...name })
    name = undefined
    const importing = importAt
    importAt = undefined
    switch (type) {
      case tokenTypes.Url:
        // `@import url(a.css)` is the import's URL.
        found.push({ kind: 'url', url: cssUrl.decode(raw), offset: importing ?? start, at: start, in: 'url', imported: importing !== undefined })
        return
      case tokenTypes.String:
        if (importing !== undefined) found.push({ kind: 'url', url: cssString.decode(raw), offset: importing, at: start, in: 'import', imported: true })
        else if (resource) found.push({ kind: 'url', url: cssString.decode(raw), offset: resource.offset, at: start, in: resource.in, imported: resource.imported })
        return
      case tokenTypes.Function: {
        const decoded = ident.decode(raw.slice(0, -1)).toLowerCase()
        found.push({ kind: 'function', name: decoded, offset: start })
        // An escaped `u\72l(https://…)` is a function token, its URL plain tokens up to `)`.
        if (decoded === 'url' && !/^\s*["']/.test(css.slice(end))) {
          const close = css.indexOf(')', end)
          found.push({ kind: 'url', url: cssUrl.decode(`url(${css.slice(end, close < 0 ? css.length : close)})`), offset: importing ?? start, at: start, in: 'url', imported: importing !== undefined })
        }
        depth++
        if (!resource && RESOURCE_FUNCTIONS.has(decoded)) resource = { offset: importing ?? start, in: decoded, depth, imported: importing !== undefined }
        return
      }
      case tokenTypes.LeftParenthesis:
        depth++
        return
      case tokenTypes.RightParenthesis:
        if (resource?.depth === depth) resource = undefined
        depth = Math.max(0, depth - 1)
        return
      case tokenTypes.Semicolon:
      case tokenTypes.LeftCurlyBracket:
      case tokenTypes.RightCurlyBracket:
        // A declaration or rule ends: so does a function left open.
        resource = undefined
        depth = 0
        return
      case tokenTypes.AtKeyword:
        if (ident.decode(raw.slice(1)).toLowerCase() === 'import') {
          found.push({ kind: 'import', offset: start })
          importAt = start
        }
        return
      case tokenTypes.Ident:
        name = { name: ident.decode(raw).toLowerCase(), offset: start }
        return
    }
  })
  return found
}

/** A URL a style sheet names: in `url(…)`, another resource function, or an `@import`. */
export interface CssUrl {
  /** The URL as CSS means it, escapes decoded. */
  url: string
  /** Offset of the `url(` (or other function) or the `@import` in the text. */
  offset: number
  kind: 'url' | 'import'
}

/** Every URL a style sheet names (`url(a.png)`, `url("a.png")` in any letter case, `image-set("a.png")`, `@import "a.css"`). */
export function cssUrls(css: string): CssUrl[] {
  const urls: CssUrl[] = []
  for (const mention of scanCss(css)) {
    if (mention.kind === 'url') urls.push({ url: mention.url, offset: mention.offset, kind: mention.imported ? 'import' : 'url' })
  }
  return urls
}
