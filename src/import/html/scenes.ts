import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { hastToTracedMarkdown } from '../html-to-markdown.ts'
import type { Traced } from '../source-map.ts'
import type { ImportedChapter } from '../types.ts'
import { isSceneBreak } from '../scene-break.ts'
import { isFilePath } from '../local-images.ts'
import { report, textOf } from './page.ts'

/** Elements that only group what they hold: they are opened, and the scene breaks inside them found. */
const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'center', 'font'])
/** Elements that start a block; anything else standing loose in a container is read as running text. */
const BLOCKS = new Set(['p', 'div', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'pre', 'table', 'section', 'article', 'center', 'dl'])
/** Never story text, wherever they stand in it. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'math', 'link', 'meta'])

function isCentred(element: Element): boolean {
  if (element.tagName === 'center') return true
  if (String(element.properties.align ?? '').toLowerCase() === 'center') return true
  const style = String(element.properties.style ?? '').toLowerCase().replace(/\s+/g, '')
  if (style.includes('text-align:center')) return true
  const classes = element.properties.className
  return Array.isArray(classes) && classes.some((name) => /^(text-)?cent(er|re)(ed)?$/i.test(String(name)))
}

type Piece = { kind: 'text'; node: RootContent } | { kind: 'break'; node: Element; mark: string }

/**
 * A story's container (AO3's `.userstuff`, FanFiction.net's `#storytext`,
 * a chapter's run of elements) → its scenes as Markdown. Scenes break at
 * `<hr>` and at ornament paragraphs (`* * *`, `. o .`, `~*~`, `o0o` …),
 * also inside the `<div>`s writers wrap their text in; each break is
 * reported. Remote images (never fetched) and links that lead nowhere
 * outside the page are taken out, their text kept; an image beside the
 * page stays, for the import to copy. Empty scenes (a break
 * at the start, two in a row) are left out.
 */
export function toScenes(nodes: readonly RootContent[], file: VFile, where: string): Traced[] {
  const pieces: Piece[] = []
  collect(nodes, false, pieces, file)
  const scenes: Traced[] = []
  let current: RootContent[] = []
  const flush = (): void => {
    const scene = current.length > 0 ? hastToTracedMarkdown({ type: 'root', children: current } as Root) : { text: '' }
    if (scene.text.trim() !== '') scenes.push(scene)
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
  let run: ElementContent[] = []
  const place = (node: Element, inCentre: boolean): void => {
    const text = textOf(node)
    // A paragraph of nothing but spaces (`<p>&nbsp;</p>`) is spacing, not text.
    if (text === '' && !hasMedia(node)) return
    if (text !== '' && !hasMedia(node) && isSceneBreak(text, inCentre)) {
      out.push({ kind: 'break', node, mark: text })
      return
    }
    for (const kept of clean({ type: 'element', tagName: 'div', properties: {}, children: [node] }, file).children) out.push({ kind: 'text', node: kept })
  }
  const flushRun = (): void => {
    for (const paragraph of paragraphsOf(run)) place(paragraph, centred)
    run = []
  }
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue
    if (node.type === 'text' || (node.type === 'element' && !BLOCKS.has(node.tagName) && !DROPPED.has(node.tagName) && !WRAPPERS.has(node.tagName))) {
      run.push(node as ElementContent)
      continue
    }
    flushRun()
    if (node.type !== 'element' || DROPPED.has(node.tagName)) continue
    if (node.tagName === 'hr') {
      out.push({ kind: 'break', node, mark: '<hr>' })
      continue
    }
    const inCentre = centred || isCentred(node)
    // A wrapper is opened, whatever it holds: blocks, or loose text in `<br>`-separated stretches.
    if (WRAPPERS.has(node.tagName) && !isSceneBreak(textOf(node), inCentre)) {
      collect(node.children, inCentre, out, file)
      continue
    }
    place(node, inCentre)
  }
  flushRun()
}

/**
 * Text standing loose in a container, as older pages give it (`text<br><br>more`):
 * a paragraph per stretch between two or more line breaks, the breaks at
 * either end of a stretch dropped (a single one inside stays a line break).
 */
function paragraphsOf(run: readonly ElementContent[]): Element[] {
  const paragraphs: Element[] = []
  let current: ElementContent[] = []
  let breaks: ElementContent[] = []
  const close = (): void => {
    const children = trimBreaks(current)
    const start = children[0]?.position?.start
    const end = children[children.length - 1]?.position?.end
    if (children.length > 0) paragraphs.push({ type: 'element', tagName: 'p', properties: {}, children, position: start && end ? { start, end } : undefined })
    current = []
  }
  for (const node of run) {
    const isBreak = node.type === 'element' && node.tagName === 'br'
    const isSpace = node.type === 'text' && node.value.trim() === ''
    if (isBreak || (isSpace && breaks.length > 0)) {
      breaks.push(node)
      continue
    }
    if (breaks.filter((item) => item.type === 'element').length >= 2) close()
    else current.push(...breaks)
    breaks = []
    current.push(node)
  }
  close()
  return paragraphs
}

/** Children without the line breaks (and the white space beside them) at their start and end. */
function trimBreaks(children: readonly ElementContent[]): ElementContent[] {
  const blank = (node: ElementContent | undefined): boolean =>
    node !== undefined && ((node.type === 'element' && node.tagName === 'br') || (node.type === 'text' && node.value.trim() === '') || node.type === 'comment')
  let start = 0
  let end = children.length
  while (start < end && blank(children[start])) start++
  while (end > start && blank(children[end - 1])) end--
  return children.slice(start, end)
}

/**
 * The blocks of a story's text in order: the `<div>`s it is wrapped in
 * opened (centred ones stay whole, for their ornaments), loose text made
 * paragraphs at its double line breaks (`paragraphsOf`).
 */
export function blocksOf(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = []
  let run: ElementContent[] = []
  const flush = (): void => {
    out.push(...paragraphsOf(run))
    run = []
  }
  for (const node of nodes) {
    if (node.type === 'text' || (node.type === 'element' && !BLOCKS.has(node.tagName) && !WRAPPERS.has(node.tagName) && !DROPPED.has(node.tagName))) {
      run.push(node as ElementContent)
      continue
    }
    flush()
    if (node.type === 'element' && WRAPPERS.has(node.tagName) && !isCentred(node)) out.push(...blocksOf(node.children))
    else out.push(node)
  }
  flush()
  return out
}

function hasMedia(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasMedia(child)))
}

/** The element without what a book cannot hold from a web page: remote images (reported), page-relative links (their text kept), scripts; an image beside the page is kept with its `src` and `alt` alone. */
function clean(element: Element, file: VFile): Element {
  const children: ElementContent[] = []
  for (const child of element.children) {
    if (child.type !== 'element') {
      if (child.type !== 'comment') children.push(child)
      continue
    }
    if (DROPPED.has(child.tagName)) continue
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '')
      // A file beside the page (a saved page's `story_files/`) is kept: the import copies it (carry-images.ts).
      if (isFilePath(src)) {
        children.push({ ...child, properties: { src, alt: String(child.properties.alt ?? '') } })
        continue
      }
      const alt = String(child.properties.alt ?? '').trim()
      report(file, `image \`${src}\`${alt ? ` (\`${alt}\`)` : ''} left out: a web page's remote images are not fetched`, child, 'import-image')
      continue
    }
    if (child.tagName === 'a' && !/^(https?:|mailto:)/i.test(String(child.properties.href ?? ''))) {
      children.push(...clean(child, file).children)
      continue
    }
    children.push(clean(child, file))
  }
  return { ...element, children: TRIMMED.has(element.tagName) ? trimBreaks(children) : children }
}

/** Blocks whose line breaks at start or end show nothing (Markdown cannot even write one there). */
const TRIMMED = new Set(['p', 'div', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'center'])

/** Scenes as a chapter holds them: their texts, and where each line came from. */
export function scenesOf(scenes: readonly Traced[]): Pick<ImportedChapter, 'scenes' | 'origins'> {
  return { scenes: scenes.map((scene) => scene.text), origins: { scenes: scenes.map((scene) => scene.lines) } }
}

/** More scenes at the end of a chapter, their origins beside them. */
export function addScenes(chapter: ImportedChapter, scenes: readonly Traced[]): void {
  const origins = (chapter.origins ??= { scenes: chapter.scenes.map(() => undefined) })
  for (const scene of scenes) {
    chapter.scenes.push(scene.text)
    origins.scenes.push(scene.lines)
  }
}

/** A chapter's head or end note, and where its lines came from. */
export function addNote(chapter: ImportedChapter, which: 'headNote' | 'endNote', note: Traced): void {
  chapter[which] = note.text
  const origins = (chapter.origins ??= { scenes: chapter.scenes.map(() => undefined) })
  origins[which] = note.lines
}
