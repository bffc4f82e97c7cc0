import { createRequire } from 'node:module'
import { besideCode, fromBundle } from '../../root.ts'

export type HtmlParser = typeof import('./html-parser.ts')

let loaded: HtmlParser | undefined

/**
 * The HTML parser, loaded on first need, synchronously (the typography pass
 * is synchronous), as `load-commonmark.ts` loads micromark: from the
 * bundle's own entry, or, run from source, from its package. Importing
 * parse5 and its tables cost some 20 ms of CPU at every start, and a book
 * without raw HTML never uses it (docs/decisions/0038-build-path-on-demand.md).
 */
export function htmlParser(): HtmlParser {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  loaded = (fromBundle ? require(besideCode('html-parser.js', 'normalise/typography/html-parser.ts')) : require('hast-util-from-html')) as HtmlParser
  return loaded
}
