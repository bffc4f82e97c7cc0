import { resolveHref } from '../publication.ts'
import { elements } from '../xml.ts'
import { offsetOf, xhtmlTrees } from './parse.ts'
import type { Finding, PreflightRule } from './types.ts'

export const noBodyIdLinks: PreflightRule = {
  id: 'no-body-id-links',
  summary: 'no link points at the id of a `<body>`: Kindle’s converter drops such targets and the link breaks (link to the file, or to a heading)',
  check({ publication }) {
    const trees = xhtmlTrees(publication)
    const bodyIds = new Set<string>()
    for (const [path, { tree }] of trees) {
      for (const { element } of elements(tree)) if (element.name === 'body' && element.attributes.id) bodyIds.add(`${path}#${element.attributes.id}`)
    }
    const findings: Finding[] = []
    for (const [path, { text, tree }] of trees) {
      for (const { element } of elements(tree)) {
        const href = element.name === 'a' ? element.attributes.href : undefined
        if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue
        const target = resolveHref(path, href)
        if (target.fragment && bodyIds.has(`${target.path}#${target.fragment}`)) {
          findings.push({ path, reason: `Unexpected link \`${href}\` to a \`<body>\` id, expected a link to the file or to an element inside the body`, offset: offsetOf(text, `href="${href}"`) })
        }
      }
    }
    return findings
  },
}
