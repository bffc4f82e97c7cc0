import { parseXml, type Element, type Root, type RootContent } from '../targets/xml.ts'

/** A problem EPUBCheck's schemas would report, at an offset of the file's text. */
export interface SchemaProblem {
  offset: number | undefined
  reason: string
  ruleId: string
}

/**
 * `<img>` elements without a `src`: XHTML's schema requires one (EPUBCheck
 * RSC-005). Only a book's own template can write one (a Markdown image
 * always has a destination), and the build then exited 0 with a book both
 * EPUBChecks fail. Found with `indexOf`, not a parse: verify sees every page
 * of a long book, and only `<img` tags need reading.
 */
export function imagesWithoutSrc(text: string): SchemaProblem[] {
  const problems: SchemaProblem[] = []
  for (let at = text.indexOf('<img'); at !== -1; at = text.indexOf('<img', at + 4)) {
    const after = text.charCodeAt(at + 4)
    // `<img` followed by white space, `/` or `>`: not `<imgx`.
    if (!(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x2f || after === 0x3e)) continue
    const end = text.indexOf('>', at)
    const tag = text.slice(at, end === -1 ? text.length : end)
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag)
    if (!src || (src[1] ?? src[2] ?? '').trim() === '') {
      problems.push({ offset: at, reason: 'Unexpected `<img>` without a `src`, expected the path of an image in the book', ruleId: 'img-src' })
    }
  }
  return problems
}

/**
 * The NCX's `playOrder`s as EPUBCheck's NCX Schematron wants them: entries
 * that point at the same `src` share one, entries that share one point at
 * the same `src`, and the numbers run from 1 without a gap. A book's own
 * `toc.ncx` template can break each, and the build then exited 0 with a book
 * both EPUBChecks fail.
 */
export function ncxPlayOrderProblems(text: string): SchemaProblem[] {
  let tree: Root
  try {
    tree = parseXml(text)
  } catch {
    // Reported by the well-formedness check.
    return []
  }
  const ordered: Array<{ order: number; src: string; element: Element }> = []
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      const order = node.attributes.playOrder
      if (order !== undefined && order !== null) {
        const content = node.children.find((child): child is Element => child.type === 'element' && child.name === 'content')
        ordered.push({ order: Number(order), src: String(content?.attributes.src ?? ''), element: node })
      }
      walk(node.children)
    }
  }
  walk(tree.children)
  const offsetOf = (element: Element): number | undefined => element.position?.start.offset
  const problems: SchemaProblem[] = []
  const orderOfSrc = new Map<string, number>()
  const srcOfOrder = new Map<number, string>()
  const orders = new Set(ordered.map((entry) => entry.order))
  for (const { order, src, element } of ordered) {
    const known = orderOfSrc.get(src)
    if (known !== undefined && known !== order) {
      problems.push({ offset: offsetOf(element), reason: `Unexpected playOrder="${order}" for \`${src}\`, which an earlier entry gives playOrder="${known}", expected one playOrder per target`, ruleId: 'ncx-play-order' })
    } else if (srcOfOrder.has(order) && srcOfOrder.get(order) !== src) {
      problems.push({ offset: offsetOf(element), reason: `Unexpected playOrder="${order}" for \`${src}\`, which an earlier entry gives \`${srcOfOrder.get(order)}\`, expected one target per playOrder`, ruleId: 'ncx-play-order' })
    } else if (order > 1 && !orders.has(order - 1)) {
      problems.push({ offset: offsetOf(element), reason: `Unexpected playOrder="${order}" with no entry at ${order - 1}, expected playOrders that run from 1 without a gap`, ruleId: 'ncx-play-order' })
    }
    if (!orderOfSrc.has(src)) orderOfSrc.set(src, order)
    if (!srcOfOrder.has(order)) srcOfOrder.set(order, src)
  }
  return problems
}
