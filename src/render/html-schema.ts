import type { Schema } from 'hast-util-sanitize'

/**
 * What raw HTML in a manuscript may keep: text-level and simple block
 * elements a novel uses, with the attributes that carry language, direction,
 * a class for the book's CSS, and a tooltip. Everything else is removed with
 * a warning (see `sanitize.ts`). Why these and no more:
 * - headings, sections, tables, forms, media and scripts have no place in
 *   prose colophon lays out itself, and each is a way to a reader-dependent
 *   or invalid book;
 * - `img` is allowed only as colophon writes it from `![alt](path)`, where
 *   the file is checked and packaged; a raw `<img>` is removed;
 * - links keep `href` only for `http:`, `https:` and `mailto:` (a relative
 *   link or `#fragment` points at nothing inside the EPUB).
 * The scene break and Markdown's own output (`ol[start]`, `code.language-*`)
 * are listed so the one schema holds for the whole tree.
 */
export const PHRASING = [
  'a', 'abbr', 'b', 'bdi', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var',
]
export const BLOCKS = ['blockquote', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'ul']

/** Elements removed together with their content (the content is code or a fallback, not prose). */
export const STRIPPED = [
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset',
  'textarea', 'select', 'option', 'button', 'title', 'head', 'svg', 'math', 'canvas', 'video', 'audio',
  'picture', 'map', 'meta', 'link', 'base', 'param', 'source', 'track', 'input',
]

export const LINK_PROTOCOLS = ['http', 'https', 'mailto']

export const allowList: Schema = {
  tagNames: [...PHRASING, ...BLOCKS],
  attributes: {
    '*': ['lang', 'xmlLang', 'className', 'title', ['dir', 'ltr', 'rtl', 'auto']],
    a: ['href'],
    img: ['src', 'alt'],
    ol: ['start'],
    hr: [['role', 'separator'], 'ariaLabel'],
  },
  protocols: { href: LINK_PROTOCOLS },
  ancestors: { li: ['ol', 'ul'] },
  strip: STRIPPED,
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
}
