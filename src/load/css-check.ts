// css-tree's tokenizer and its small helpers only: the whole library reads its data files at
// import (over 100 ms), and every build checks its style sheet and pages with these (verify/safety.ts).
import { tokenize, tokenTypes } from 'css-tree/tokenizer'
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils'

/** Something in a style sheet that could fetch, script or point outside the book. */
export interface CssProblem {
  reason: string
  /** Offset in the style sheet's text. */
  offset: number
}

/** Functions whose argument is a resource: a quoted `url("…")` is one, and so are these. */
const RESOURCE_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element'])
/** What old browsers ran as script from CSS. */
const SCRIPT_FUNCTIONS = new Set(['expression'])
const SCRIPT_PROPERTIES = new Set(['behavior', '-moz-binding'])

/**
 * Check a style sheet (a book's `book.css`, an SVG's `<style>` or
 * `style=""`) by its tokens, as css-tree's tokenizer reads them after the
 * CSS Syntax spec, with escapes decoded (`u\72l(` is `url(`): no `@import`,
 * no resource but a `#fragment` of the same document (no remote URL, no
 * `data:` URL, no file: a book's CSS can reach nothing the book does not
 * package, other than the `packaged` paths it is told of), no script (`expression()`, `behavior`, `-moz-binding`).
 */
export function cssProblems(css: string, packaged: Packaged = new Set()): CssProblem[] {
  const problems: CssProblem[] = []
  let resourceFunction: string | undefined
  tokenize(css, (type, start, end) => {
    const raw = css.slice(start, end)
    switch (type) {
      case tokenTypes.AtKeyword: {
        const name = ident.decode(raw.slice(1)).toLowerCase()
        if (name === 'import') problems.push({ reason: `Unexpected \`@import\`, expected the rules themselves in this style sheet (nothing outside the book is loaded)`, offset: start })
        break
      }
      case tokenTypes.Url:
        checkUrl(cssUrl.decode(raw), start, problems, packaged)
        break
      case tokenTypes.Function: {
        const name = ident.decode(raw.slice(0, -1)).toLowerCase()
        if (SCRIPT_FUNCTIONS.has(name)) problems.push({ reason: `Unexpected \`${name}()\`, which some readers run as script, expected plain values`, offset: start })
        resourceFunction = RESOURCE_FUNCTIONS.has(name) ? name : undefined
        // An escaped `u\72l(https://…)` is a function token here, its URL plain tokens: read it up to `)`.
        if (name === 'url' && !/^\s*["']/.test(css.slice(end))) {
          const close = css.indexOf(')', end)
          checkUrl(cssUrl.decode(`url(${css.slice(end, close < 0 ? css.length : close)})`), start, problems, packaged)
        }
        return
      }
      case tokenTypes.String:
        if (resourceFunction) checkUrl(cssString.decode(raw), start, problems, packaged)
        break
      case tokenTypes.Ident: {
        const name = ident.decode(raw).toLowerCase()
        if (SCRIPT_PROPERTIES.has(name) && /^\s*:/.test(css.slice(end, end + 40))) {
          problems.push({ reason: `Unexpected \`${name}\`, which some readers run as script, expected plain properties`, offset: start })
        }
        break
      }
      case tokenTypes.WhiteSpace:
        // `url( "x" )`: the string may follow white space.
        return
    }
    resourceFunction = undefined
  })
  return problems
}

/** The URLs a style sheet may name besides `#fragment`s: what the book packages. */
export interface Packaged {
  has(url: string): boolean
}

function checkUrl(value: string, offset: number, problems: CssProblem[], packaged: Packaged): void {
  const trimmed = value.trim()
  if (trimmed.startsWith('#') || packaged.has(trimmed)) return
  const what = /^data:/i.test(trimmed)
    ? 'a `data:` URL'
    : /^[a-z][a-z0-9+.-]*:|^\/\//i.test(trimmed)
      ? 'a remote or scripted resource'
      : 'a file the book does not package'
  problems.push({ reason: `Unexpected \`url(${trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed})\`, ${what}, expected no resource but a \`#fragment\` of the same document`, offset })
}
