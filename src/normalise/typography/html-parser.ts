// The HTML parser (hast-util-from-html, parse5 underneath) that reads the
// text inside raw HTML in a scene (`html-text.ts`). The launcher's bundle
// makes this module an entry of its own (`html-parser.js`), loaded on first
// need by `load-html-parser.ts`, so a book without raw HTML never compiles it.
export { fromHtml } from 'hast-util-from-html'
