import { SaxesParser } from 'saxes'

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
  // Read with saxes, which the verify stage loads anyway, as events: building a tree of the NCX
  // (xast-util-from-xml) loaded and compiled a second XML parser for every build.
  const ordered: Array<{ order: number; src: string; offset: number }> = []
  // The open elements, each with the entry it makes when it has a playOrder: its first `<content>` child gives the `src`.
  const open: Array<{ order: number; src: string; offset: number; content: boolean } | undefined> = []
  const parser = new SaxesParser({ position: true })
  let failed = false
  parser.on('error', () => {
    failed = true
  })
  parser.on('opentag', (tag) => {
    const parent = open.at(-1)
    if (tag.name === 'content' && parent && !parent.content) {
      parent.src = String(tag.attributes.src ?? '')
      parent.content = true
    }
    const order = tag.attributes.playOrder
    // At `opentag` the parser stands just past the tag's `>`: its `<` is the last one before.
    const entry = order === undefined ? undefined : { order: Number(order), src: '', offset: text.lastIndexOf('<', parser.position - 1), content: false }
    if (entry) ordered.push(entry)
    if (tag.isSelfClosing) return
    open.push(entry)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop()
  })
  parser.write(text).close()
  // Reported by the well-formedness check.
  if (failed) return []
  const problems: SchemaProblem[] = []
  const orderOfSrc = new Map<string, number>()
  const srcOfOrder = new Map<number, string>()
  const orders = new Set(ordered.map((entry) => entry.order))
  for (const { order, src, offset } of ordered) {
    const known = orderOfSrc.get(src)
    if (known !== undefined && known !== order) {
      problems.push({ offset, reason: `Unexpected playOrder="${order}" for \`${src}\`, which an earlier entry gives playOrder="${known}", expected one playOrder per target`, ruleId: 'ncx-play-order' })
    } else if (srcOfOrder.has(order) && srcOfOrder.get(order) !== src) {
      problems.push({ offset, reason: `Unexpected playOrder="${order}" for \`${src}\`, which an earlier entry gives \`${srcOfOrder.get(order)}\`, expected one target per playOrder`, ruleId: 'ncx-play-order' })
    } else if (order > 1 && !orders.has(order - 1)) {
      problems.push({ offset, reason: `Unexpected playOrder="${order}" with no entry at ${order - 1}, expected playOrders that run from 1 without a gap`, ruleId: 'ncx-play-order' })
    }
    if (!orderOfSrc.has(src)) orderOfSrc.set(src, order)
    if (!srcOfOrder.has(order)) srcOfOrder.set(order, src)
  }
  return problems
}
