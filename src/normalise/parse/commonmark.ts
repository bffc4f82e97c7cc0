// The whole CommonMark parser (micromark and mdast-util-from-markdown, with
// GFM footnotes): what `parseMarkdown` hands every text that is not plain
// prose. The launcher's bundle makes this module an entry of its own
// (`commonmark.js`), loaded on first need by `load-commonmark.ts`, so a book
// of prose never compiles it.
export { fromMarkdown } from 'mdast-util-from-markdown'
export { gfmFootnote } from 'micromark-extension-gfm-footnote'
export { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
