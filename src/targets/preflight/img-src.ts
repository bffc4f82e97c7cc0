import { resolveHref } from '../publication.ts'
import { elements } from '../xml.ts'
import { offsetOf, xhtmlTrees } from './parse.ts'
import type { Finding, PreflightRule } from './types.ts'

export const imgSrc: PreflightRule = {
  id: 'img-src',
  summary: 'every `<img>` has a `src` that names a file in the book: Send-to-Kindle rejects a book with an image it cannot find (E999)',
  check({ publication }) {
    const paths = new Set(publication.entries.map((entry) => entry.path))
    const findings: Finding[] = []
    for (const [path, { text, tree }] of xhtmlTrees(publication)) {
      for (const { element } of elements(tree)) {
        if (element.name !== 'img') continue
        const src = element.attributes.src?.trim()
        if (!src) {
          findings.push({ path, reason: 'Unexpected `<img>` without a `src`, expected the path of an image in the book', offset: offsetOf(text, '<img') })
        } else if (!/^data:/.test(src) && !paths.has(resolveHref(path, src).path)) {
          findings.push({ path, reason: `Unexpected \`<img src="${src}">\` that names no file in the book, expected the path of an image in it`, offset: offsetOf(text, src) })
        }
      }
    }
    return findings
  },
}
