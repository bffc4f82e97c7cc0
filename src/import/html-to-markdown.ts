import type { Element, Nodes as HastNodes } from 'hast'
import { toMdast, type Handle, type State } from 'hast-util-to-mdast'
import type { Html, Nodes as MdastNodes, RootContent } from 'mdast'
import { defaultHandlers, toMarkdown, type Handle as ToMarkdownHandle } from 'mdast-util-to-markdown'
import type { LineOrigins, Traced } from './source-map.ts'

/**
 * A piece of HTML (a scene, a note) as Markdown an author would type: the
 * HTML readers (HTML pages, DOCX through mammoth, EPUB) all end here, so the
 * text then goes through the same typography and sanitiser as any scene.
 * Shared by every reader of markup; extend it rather than copy it.
 *
 * hast-util-to-mdast gives emphasis, strong, links, lists, quotes and hard
 * breaks; mdast-util-to-markdown escapes whatever Markdown would read as
 * syntax (`- ` or `1. ` at a paragraph's start, `*`, `_`, `[`, `<`, `\`),
 * so the text builds as it read in the source. What plain Markdown has no
 * syntax for but colophon's raw-HTML allow-list keeps (underline,
 * strike-through, super- and subscript, small caps) stays as inline HTML.
 */
export function hastToMarkdown(tree: HastNodes): string {
  return write(toMdast(tree, { handlers, nodeHandlers: { comment: () => undefined } }))
}

const OPTIONS = { emphasis: '*', strong: '*', bullet: '*', rule: '*' } as const

function write(mdast: MdastNodes): string {
  return toMarkdown(mdast, OPTIONS).trim() + '\n'
}

/**
 * `hastToMarkdown`, and where each written line came from: the lines of
 * each block written (a paragraph, also one in a quotation or a list item)
 * are the place of the element it came from (hast-util-to-mdast keeps
 * positions). Where each block starts in the Markdown is what
 * mdast-util-to-markdown's own tracker says as it writes it: no second parse.
 */
export function hastToTracedMarkdown(tree: HastNodes): Traced {
  const mdast = toMdast(tree, { handlers, nodeHandlers: { comment: () => undefined } })
  const starts: Array<{ line: number; from: { line: number; column: number } | undefined }> = []
  const tracked = Object.fromEntries(
    Object.entries(defaultHandlers).map(([type, handle]) => {
      const wrapped: ToMarkdownHandle = (node, parent, state, info) => {
        if (parent && FLOW.has(parent.type)) starts.push({ line: info.now.line, from: firstPlace(node as MdastNodes) })
        return (handle as ToMarkdownHandle)(node, parent, state, info)
      }
      // A handler's `peek` gives the first character of a node cheaply: without it, writing each
      // level of emphasis wrote the next one twice, in time doubling per level (20 nested `<em>` took minutes).
      const { peek } = handle as { peek?: ToMarkdownHandle }
      return [type, peek ? Object.assign(wrapped, { peek }) : wrapped]
    }),
  )
  const raw = toMarkdown(mdast, { ...OPTIONS, handlers: tracked })
  const text = raw.trim() + '\n'
  if (!starts.some(({ from }) => from)) {
    // A lone element (a note's `<p>`) is one block: every line is its place.
    const from = firstPlace(mdast)
    return from ? { text, lines: text.split('\n').map(() => [{ at: 0, line: from.line, column: from.column, whole: true }]) } : { text }
  }
  const lines: LineOrigins = text.split('\n').map(() => undefined)
  // The lines the trim cut from the start move every line up.
  const cut = (/^\s*/.exec(raw)?.[0].match(/\n/g) ?? []).length
  // Blocks in document order: one inside a quotation or a list item starts where it, or after; the innermost wins its lines.
  starts.forEach(({ line, from }, index) => {
    if (!from) return
    const next = starts[index + 1]?.line ?? lines.length + cut + 1
    for (let at = line; at < next; at++) if (at - cut >= 1 && at - cut <= lines.length) lines[at - cut - 1] = [{ at: 0, line: from.line, column: from.column, whole: true }]
  })
  return { text, lines }
}

/** Nodes whose children are blocks. */
const FLOW = new Set(['root', 'blockquote', 'list', 'listItem'])

/** Where a node, or the first of its descendants that has a place, starts (a paragraph hast-util-to-mdast wrapped around loose text has none of its own). */
function firstPlace(node: MdastNodes): { line: number; column: number } | undefined {
  if (node.position) return node.position.start
  if ('children' in node) {
    for (const child of node.children) {
      const place = firstPlace(child)
      if (place) return place
    }
  }
  return undefined
}

/** An inline element kept as the raw HTML tag pair around its converted children. */
function keep(tag: string, attributes = ''): Handle {
  return (state: State, node: Element) => {
    const open: Html = { type: 'html', value: `<${tag}${attributes}>` }
    const close: Html = { type: 'html', value: `</${tag}>` }
    return [open, ...(state.all(node) as RootContent[]), close] as MdastNodes[]
  }
}

const smallCaps = keep('span', ' class="small-caps"')

/** Small caps as writers mark them: a class, or the CSS property inline. */
function isSmallCaps(node: Element): boolean {
  const classes = node.properties.className
  if (Array.isArray(classes) && classes.some((name) => /^small-?caps$/i.test(String(name)))) return true
  const style = String(node.properties.style ?? '').toLowerCase().replace(/\s+/g, '')
  return style.includes('font-variant:small-caps') || style.includes('font-variant-caps:small-caps')
}

const handlers: Record<string, Handle> = {
  u: keep('u'),
  s: keep('s'),
  strike: keep('s'),
  // mdast's `delete` needs GFM to be written; the allow-list keeps `<del>` as it is.
  del: keep('del'),
  sup: keep('sup'),
  sub: keep('sub'),
  span: (state, node, parent) => (isSmallCaps(node) ? smallCaps(state, node, parent) : state.all(node)),
  // Tables need GFM to be written and colophon's allow-list has none: each cell's text becomes blocks of its own.
  table: (state, node) => state.toFlow(cells(state, node)),
}

function cells(state: State, node: Element): RootContent[] {
  const out: RootContent[] = []
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'td' || child.tagName === 'th') out.push(...(state.toFlow(state.all(child) as RootContent[]) as RootContent[]))
    else out.push(...cells(state, child))
  }
  return out
}
