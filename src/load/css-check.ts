import { scanCss } from '../css-urls.ts'

/** Something in a style sheet that could fetch, script or point outside the book. */
export interface CssProblem {
  reason: string
  /** Offset in the style sheet's text. */
  offset: number
}

/** What old browsers ran as script from CSS. */
const SCRIPT_FUNCTIONS = new Set(['expression'])
const SCRIPT_PROPERTIES = new Set(['behavior', '-moz-binding'])

/**
 * Check a style sheet (a book's `book.css`, an SVG's `<style>` or
 * `style=""`) by what the one CSS scanner (`css-urls.ts`) finds in it, with
 * escapes decoded (`u\72l(` is `url(`): no `@import`, no resource but a
 * `#fragment` of the same document (no remote URL, no `data:` URL, no file:
 * a book's CSS can reach nothing the book does not package, other than the
 * `packaged` paths it is told of), no script (`expression()`, `behavior`,
 * `-moz-binding`).
 */
export function cssProblems(css: string, packaged: Packaged = new Set()): CssProblem[] {
  const problems: CssProblem[] = []
  for (const mention of scanCss(css)) {
    switch (mention.kind) {
      case 'import':
        problems.push({ reason: `Unexpected \`@import\`, expected the rules themselves in this style sheet (nothing outside the book is loaded)`, offset: mention.offset })
        break
      case 'url':
        // An `@import`'s bare string is refused with the `@import`; a `url()` is refused at itself.
        if (mention.in !== 'import') checkUrl(mention.url, mention.at, problems, packaged)
        break
      case 'function':
        if (SCRIPT_FUNCTIONS.has(mention.name)) problems.push({ reason: `Unexpected \`${mention.name}()\`, which some readers run as script, expected plain values`, offset: mention.offset })
        break
      case 'property':
        if (SCRIPT_PROPERTIES.has(mention.name)) problems.push({ reason: `Unexpected \`${mention.name}\`, which some readers run as script, expected plain properties`, offset: mention.offset })
        break
    }
  }
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
