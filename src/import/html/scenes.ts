import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { hastToMarkdown } from '../html-to-markdown.ts'
import { report, textOf } from './page.ts'

/** Elements that only group blocks: the scene breaks inside them are looked for too. */
const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'center', 'font'])
/** Elements that start a block: a wrapper holding one of these is looked into. */
const BLOCKS = new Set(['p', 'div', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'pre', 'table', 'section', 'article', 'center', 'dl'])
/** Never story text, wherever they stand in it. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'math', 'link', 'meta'])

/** Letters writers use in ornaments, in the shapes they use them (`o0o`, `oOo`, `xXx`). */
const LETTER_ORNAMENTS = new Set(['o0o', 'oOo', 'OoO', '0o0', 'xXx', 'XxX', 'xox', 'oxo', 'ooo', 'xxx', 'OOO', 'XXX', 'o', 'x'])

/**
 * A text that is a scene-break ornament: no letters or digits but those of
 * `o0o`-style marks, no quotation marks (a paragraph of `"…"` is a line of
 * dialogue), and, unless the page centres it, one of the characters
 * ornaments are made of (a lone `…` or `—` is a pause, not a break).
 */
export function isOrnament(text: string, centred: boolean): boolean {
  const compact = text.replace(/\s+/g, '')
  if (compact === '' || compact.length > 24) return false
  if (/["'“”‘’«»„]/.test(compact)) return false
  const letters = compact.replace(/[^\p{L}\p{N}]/gu, '')
  if (letters !== '' && !LETTER_ORNAMENTS.has(letters)) return false
  if (letters !== '' && letters.length > 0 && compact.length === letters.length && letters.length < 3) return false
  if (centred) return true
  if (letters !== '') return true
  if (/[*~#+§=_•°◇◆❖✦✧※⁂]/.test(compact)) return true
  return /^[-–—]{3,}$/.test(compact)
}

function isCentred(element: Element): boolean {
  if (element.tagName === 'center') return true
  if (String(element.properties.align ?? '').toLowerCase() === 'center') return true
  const style = String(element.properties.style ?? '').toLowerCase().replace(/\s+/g, '')
  if (style.includes('text-align:center')) return true
  const classes = element.properties.className
  return Array.isArray(classes) && classes.some((name) => /^(text-)?cent(er|re)(ed)?$/i.test(String(name)))
}

function holdsBlocks(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && BLOCKS.has(child.tagName))
}

type Piece = { kind: 'text'; node: RootContent } | { kind: 'break'; node: Element; mark: string }

/**
 * A story's container (AO3's `.userstuff`, FanFiction.net's `#storytext`,
 * a chapter's run of elements) → its scenes as Markdown. Scenes break at
 * `<hr>` and at ornament paragraphs (`* * *`, `. o .`, `~*~`, `o0o` …),
 * also inside the `<div>`s writers wrap their text in; each break is
 * reported. Images (remote, never fetched) and links that lead nowhere
 * outside the page are taken out, their text kept. Empty scenes (a break
 * at the start, two in a row) are left out.
 */
export function toScenes(nodes: readonly RootContent[], file: VFile, where: string): string[] {
  const pieces: Piece[] = []
  collect(nodes, false, pieces, file)
  const scenes: string[] = []
  let current: RootContent[] = []
  const flush = (): void => {
    const markdown = current.length > 0 ? hastToMarkdown({ type: 'root', children: current } as Root) : ''
    if (markdown.trim() !== '') scenes.push(markdown)
    current = []
  }
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      report(file, `scene break \`${piece.mark}\` in ${where}`, piece.node, 'import-scene-break')
      flush()
    } else current.push(piece.node)
  }
  flush()
  return scenes
}

function collect(nodes: readonly RootContent[], centred: boolean, out: Piece[], file: VFile): void {
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue
    if (node.type !== 'element') {
      out.push({ kind: 'text', node })
      continue
    }
    if (DROPPED.has(node.tagName)) continue
    if (node.tagName === 'hr') {
      out.push({ kind: 'break', node, mark: '<hr>' })
      continue
    }
    const inCentre = centred || isCentred(node)
    const text = textOf(node)
    if (text !== '' && !hasMedia(node) && isOrnament(text, inCentre)) {
      out.push({ kind: 'break', node, mark: text })
      continue
    }
    if (WRAPPERS.has(node.tagName) && holdsBlocks(node)) {
      collect(node.children, inCentre, out, file)
      continue
    }
    for (const kept of clean({ type: 'element', tagName: 'div', properties: {}, children: [node] }, file).children) out.push({ kind: 'text', node: kept })
  }
}

/** The blocks of a story's text in order, the `<div>`s it is wrapped in opened (ornaments in them stay whole). */
export function blocksOf(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = []
  for (const node of nodes) {
    if (node.type === 'element' && WRAPPERS.has(node.tagName) && holdsBlocks(node) && !isCentred(node)) out.push(...blocksOf(node.children))
    else out.push(node)
  }
  return out
}

function hasMedia(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasMedia(child)))
}

/** The element without what a book cannot hold from a web page: remote images (reported), page-relative links (their text kept), scripts. */
function clean(element: Element, file: VFile): Element {
  const children: ElementContent[] = []
  for (const child of element.children) {
    if (child.type !== 'element') {
      if (child.type !== 'comment') children.push(child)
      continue
    }
    if (DROPPED.has(child.tagName)) continue
    if (child.tagName === 'img') {
      const alt = String(child.properties.alt ?? '').trim()
      report(file, `image \`${String(child.properties.src ?? '')}\`${alt ? ` (\`${alt}\`)` : ''} left out: a web page's images are not fetched`, child, 'import-image')
      continue
    }
    if (child.tagName === 'a' && !/^(https?:|mailto:)/i.test(String(child.properties.href ?? ''))) {
      children.push(...clean(child, file).children)
      continue
    }
    children.push(clean(child, file))
  }
  return { ...element, children }
}
