import { createRequire } from 'node:module'
import { besideCode, fromBundle } from '../../root.ts'

export type CommonMark = typeof import('./commonmark.ts')

let loaded: CommonMark | undefined

/**
 * The CommonMark parser, loaded on first need, synchronously (parsing is
 * synchronous): from the bundle's own entry, or, run from source, from its
 * packages (Node 20.19 requires ES modules). Plain prose never needs it,
 * and it is some 190 KB of code to compile: about 4% of a 10,000- or
 * 100,000-word build (docs/decisions/0010-commonmark-on-demand.md).
 */
export function commonmark(): CommonMark {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  if (fromBundle) {
    loaded = require(besideCode('commonmark.js', 'normalise/parse/commonmark.ts')) as CommonMark
  } else {
    loaded = {
      fromMarkdown: (require('mdast-util-from-markdown') as CommonMark).fromMarkdown,
      gfmFootnote: (require('micromark-extension-gfm-footnote') as CommonMark).gfmFootnote,
      gfmFootnoteFromMarkdown: (require('mdast-util-gfm-footnote') as CommonMark).gfmFootnoteFromMarkdown,
    }
  }
  return loaded
}

/** Whether the CommonMark parser has been loaded (by this thread): a book of plain prose never loads it. */
export function commonMarkLoaded(): boolean {
  return loaded !== undefined
}
