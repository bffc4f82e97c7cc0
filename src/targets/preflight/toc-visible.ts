import { resolveHref } from '../publication.ts'
import { elements, hasToken, type Element, type ElementContent, type Root } from '../xml.ts'
import { ncxPoints } from './ncx.ts'
import { xhtmlTrees } from './parse.ts'
import type { Finding, PreflightRule } from './types.ts'

const isHidden = (element: Element): boolean =>
  element.attributes.hidden !== undefined ||
  element.attributes['aria-hidden'] === 'true' ||
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.attributes.style ?? '')

/** Whether anything readable (text or an image) is shown from `start` on, outside hidden elements. */
function visibleFrom(body: Element, start: Element | undefined): boolean {
  let started = start === undefined
  const walk = (node: Element): boolean => {
    if (node === start) started = true
    if (isHidden(node) || node.name === 'head') {
      return false
    }
    if (started && (node.name === 'img' || node.name === 'svg')) return true
    return node.children.some((child: ElementContent) =>
      child.type === 'element' ? walk(child) : started && child.type === 'text' && child.value.trim() !== '',
    )
  }
  return walk(body)
}

export const tocVisible: PreflightRule = {
  id: 'toc-visible',
  summary: 'every TOC entry (nav and NCX) points at a document and an id that exist and at visible content (not inside `hidden`, `aria-hidden` or `display: none`): Kindle rejects or silently drops entries to nothing',
  check({ publication, pkg }) {
    const trees = xhtmlTrees(publication)
    const entries: Array<{ from: string; label: string; href: string }> = []
    const nav = pkg.nav && trees.get(pkg.nav.path)
    if (pkg.nav && nav) {
      const toc = [...elements(nav.tree)].find(({ element }) => element.name === 'nav' && hasToken(element.attributes['epub:type'], 'toc'))
      for (const { element } of toc ? elements(toc.element) : []) {
        if (element.name === 'a' && element.attributes.href) entries.push({ from: pkg.nav.path, label: text(element), href: element.attributes.href })
      }
    }
    for (const point of ncxPoints(publication, pkg) ?? []) entries.push({ from: pkg.ncx!.path, label: point.label, href: point.src })

    const paths = new Set(publication.entries.map((entry) => entry.path))
    const findings: Finding[] = []
    for (const entry of entries) {
      const target = resolveHref(entry.from, entry.href)
      const document = trees.get(target.path)
      // A document that is there but does not parse is verify's to report.
      if (!document && paths.has(target.path)) continue
      const problem = ((): string | undefined => {
        if (!document) return 'to a document that is not in the book'
        const body = [...elements(document.tree)].find(({ element }) => element.name === 'body')?.element
        if (!body) return 'to a document without a body'
        const found = target.fragment ? [...elements(document.tree)].find(({ element }) => element.attributes.id === target.fragment) : undefined
        if (target.fragment && !found) return `to the id \`${target.fragment}\`, which the document does not have`
        if (found && [found.element, ...found.ancestors].some(isHidden)) return 'to hidden content'
        if (!visibleFrom(body, found?.element)) return 'to a place with no visible text or image after it'
        return undefined
      })()
      if (problem) {
        findings.push({ path: entry.from, reason: `Unexpected TOC entry “${entry.label}” (\`${entry.href}\`) ${problem}, expected it to point at visible content` })
      }
    }
    return findings
  },
}

const text = (element: Element | Root): string =>
  element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('').trim()
