import type { Point } from 'unist'
import { pointAt } from '../../text-point.ts'

/**
 * How deep a text may nest. Past it the text is refused with a message at
 * the place it goes deeper, before any parser sees it: micromark takes time
 * growing with the square of the depth of indented containers (2,000
 * indented list levels took over 20 s), and every tree walk after it
 * (remark, the lint, typography, hast-util-from-parse5, the sanitiser) is
 * recursive, so 10,000 levels overflow the stack. And EPUBCheck (libxml2)
 * refuses an XHTML document nested 256 elements deep, which a list of 128
 * levels is (`<ul><li>` per level, in html, body, section). 100 levels is
 * far past what prose uses and builds in well under a second; see
 * docs/decisions/0024-nesting-limits.md.
 */
export const MAX_NESTING = 100

export interface TooDeep {
  /** Which nesting: Markdown containers or HTML elements. */
  kind: 'markdown' | 'html'
  /** The level reached there. */
  depth: number
  place: Point
}

/**
 * The first place where `text` nests deeper than `limit`, if it does:
 * - Markdown containers (block quotes and list items), counted per line as
 *   the markers on it (`>`, `-`, `*`, `+`, `1.`, `1)`) plus half the columns
 *   of white space other than the one space after each marker. A container
 *   only goes on to a line through a marker or through its indentation (at
 *   least two columns per list level), so this is never less than the depth
 *   the parser finds; a line indented by twice the limit is refused too.
 * - HTML elements, as the tags are written (`<span>` opens, `</span>`
 *   closes it and what it holds; void and self-closed elements, and
 *   elements HTML closes by themselves such as `<p>` and `<li>`, do not
 *   count). Tags inside code are counted too: the count errs on the safe side.
 * One pass over the text, in time linear in its length.
 */
export function findTooDeep(text: string, limit = MAX_NESTING): TooDeep | undefined {
  return markdownTooDeep(text, limit) ?? htmlTooDeep(text, limit)
}

function markdownTooDeep(text: string, limit: number): TooDeep | undefined {
  let line = 1
  let lineStart = 0
  const length = text.length
  while (lineStart < length) {
    let at = lineStart
    let markers = 0
    let spaces = 0
    let column = 0
    let afterMarker = false
    for (;;) {
      const code = text.charCodeAt(at)
      if (code === 32 || code === 9) {
        const width = code === 9 ? 4 - (column % 4) : 1
        column += width
        // The one space after a marker belongs to the marker.
        spaces += afterMarker ? width - 1 : width
        afterMarker = false
        at++
        continue
      }
      let marker = 0
      if (code === 62) marker = 1 // >
      else if ((code === 45 || code === 42 || code === 43) && isMarkerEnd(text.charCodeAt(at + 1))) marker = 1 // - * +
      else if (code >= 48 && code <= 57) {
        let end = at
        while (end < length && end - at < 9 && isDigit(text.charCodeAt(end))) end++
        const next = text.charCodeAt(end)
        if ((next === 46 || next === 41) && isMarkerEnd(text.charCodeAt(end + 1))) marker = end + 1 - at
      }
      if (marker === 0) break
      markers++
      column += marker
      at += marker
      afterMarker = true
      if (markers + (spaces >> 1) > limit) {
        return { kind: 'markdown', depth: markers + (spaces >> 1), place: { line, column: at - lineStart, offset: at - 1 } }
      }
    }
    if (markers + (spaces >> 1) > limit) {
      return { kind: 'markdown', depth: markers + (spaces >> 1), place: { line, column: at - lineStart + 1, offset: at } }
    }
    const newline = text.indexOf('\n', at)
    if (newline < 0) break
    lineStart = newline + 1
    line++
  }
  return undefined
}

function isMarkerEnd(code: number): boolean {
  // A space, a tab, a line end or the end of the text (NaN).
  return code === 32 || code === 9 || code === 10 || code === 13 || Number.isNaN(code)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Elements without content, and elements the HTML parser closes when the next of their kind opens. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'colgroup',
])

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>/y

/** The first place where the HTML elements of `text`, as written, nest deeper than `limit`, if they do (see findTooDeep). */
export function htmlTooDeep(text: string, limit = MAX_NESTING): TooDeep | undefined {
  const open: string[] = []
  const counts = new Map<string, number>()
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    TAG.lastIndex = at
    const match = TAG.exec(text)
    if (!match) continue
    const name = (match[2] as string).toLowerCase()
    if (NOT_NESTING.has(name)) continue
    if (match[1]) {
      // A closing tag closes what is open inside its element too; one for nothing open is ignored, as HTML does.
      if (!counts.get(name)) continue
      for (let top = open.pop(); top !== undefined; top = open.pop()) {
        counts.set(top, (counts.get(top) as number) - 1)
        if (top === name) break
      }
    } else if (!match[3]) {
      open.push(name)
      counts.set(name, (counts.get(name) ?? 0) + 1)
      if (open.length > limit) return { kind: 'html', depth: open.length, place: pointAt(text, at) }
    }
  }
  return undefined
}


/**
 * The deepest a parsed or rendered tree may be, in nodes below its root:
 * the Markdown limit allows two nodes per list level (list, item) and a
 * paragraph; the rest is for phrasing nested in it (emphasis in emphasis,
 * links in links), which the line count above cannot see. With the page
 * around it (html, body, section, a footnote's section and aside) it stays
 * under the 256 elements EPUBCheck allows.
 */
export const MAX_TREE_DEPTH = 230

interface Walked {
  type: string
  position?: { start: Point }
  children?: Walked[]
}

/** The first node deeper than `limit` in `tree` and its depth, found without recursion. */
export function findTooDeepNode(tree: Walked, limit = MAX_TREE_DEPTH): { node: Walked; depth: number } | undefined {
  const stack: Array<[Walked, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Walked, number]
    if (depth > limit) return { node, depth }
    const children = node.children
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index] as Walked, depth + 1])
  }
  return undefined
}
