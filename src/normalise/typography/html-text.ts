import type { Element, Nodes as HastNodes } from 'hast'
import type { Html, Text } from 'mdast'
import type { BlockText, Passage, RunText } from './block-text.ts'
import { writeBlockText } from './block-text.ts'
import { HARD_BREAK, OPAQUE } from './chars.ts'
import { forLanguage, type ResolvedOptions } from './options.ts'
import { runPreset } from './run-preset.ts'
import { htmlParser } from './load-html-parser.ts'

/**
 * The text inside raw HTML that a writer pasted into a scene (`<p>"Well,"
 * she said.</p>`), as blocks the typography pass and the lint read like any
 * Markdown paragraph. Markdown keeps an HTML block as one opaque string;
 * here it is parsed as a browser would (hast-util-from-html, with source
 * offsets), and each text node becomes a stand-in mdast text node, so the
 * rules see one block per `<p>`, `<li>`, `<div>` … with emphasis and spans
 * transparent, exactly as they see a Markdown paragraph.
 */
export interface HtmlRun extends RunText {
  /** Where text node `i` stands in the HTML node's value: `spans[2i]` to `spans[2i + 1]`. */
  readonly spans: readonly number[]
}

/** An inline element with its own `lang` (`<span lang="en">`) inside a block: set by its own language's rules. */
export interface HtmlPassage extends HtmlRun, Passage {}

export interface HtmlBlock extends HtmlRun, BlockText {
  /** The `lang` of the nearest element around the block that has one; none: the language the HTML stands in. */
  readonly language: string | undefined
  readonly passages: readonly HtmlPassage[]
}

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])
/** Elements whose text is never typeset (code, as in Markdown) or is not text; each reads as one opaque character. */
const OPAQUE_ELEMENTS = new Set(['pre', 'code', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'template', 'math', 'svg', 'img', 'input', 'video', 'audio', 'iframe', 'object'])

interface Run {
  parts: string[]
  marks: number[]
  nodes: Text[]
  spans: number[]
  length: number
}

const run = (): Run => ({ parts: [], marks: [], nodes: [], spans: [], length: 0 })
const done = (from: Run): HtmlRun => ({ text: from.parts.join(''), marks: from.marks, nodes: from.nodes, spans: from.spans })

/** An element's own `lang` (or `xml:lang`), when it names one. */
function languageOf(element: Element): string | undefined {
  const value = element.properties['lang'] ?? element.properties['xmlLang']
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function htmlBlocks(node: Html): HtmlBlock[] {
  const value = node.value
  // Cheap test first: most HTML nodes in prose are a lone tag with no text.
  if (!hasText(value)) return []
  const tree = htmlParser().fromHtml(value, { fragment: true })
  const base = node.position?.start
  const blocks: HtmlBlock[] = []
  let main = run()
  // The runs text goes into: the block's own, then one per inline element with `lang` open inside it.
  let open: Array<{ run: Run; language: string | undefined }> = [{ run: main, language: undefined }]
  let passages: Array<{ run: Run; language: string }> = []
  let blockLanguage: string | undefined
  const flush = (): void => {
    if (main.nodes.length > 0 && main.parts.join('').trim() !== '') {
      blocks.push({
        ...done(main),
        language: blockLanguage,
        passages: passages.filter((passage) => passage.run.nodes.length > 0).map((passage) => ({ ...done(passage.run), language: passage.language })),
      })
    }
    main = run()
    passages = []
    open = reopen(open)
  }
  // The runs open, begun again in the block now being gathered: a passage still open (a block inside a `<span lang>`) goes on in a fresh run.
  const reopen = (entries: typeof open): typeof open =>
    entries.map((entry, index) => {
      if (index === 0) return { run: main, language: entry.language }
      const next = { run: run(), language: entry.language! }
      passages.push(next)
      return next
    })
  const stand = (character: string): void => {
    const into = open.at(-1)!.run
    into.parts.push(character)
    into.length++
  }
  const walk = (child: HastNodes): void => {
    if (child.type === 'text') {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      // A text the parser moved or joined (foster-parented out of a table) has no one place to write back to.
      if (start === undefined || end === undefined || value.slice(start, end).includes('<')) return stand(OPAQUE)
      const text: Text = {
        type: 'text',
        value: child.value,
        position: base && {
          start: { line: base.line, column: base.column, offset: (base.offset ?? 0) + start },
          end: { line: base.line, column: base.column, offset: (base.offset ?? 0) + end },
        },
      }
      const into = open.at(-1)!.run
      into.marks.push(into.length, into.length + child.value.length)
      into.spans.push(start, end)
      into.nodes.push(text)
      into.parts.push(child.value)
      into.length += child.value.length
    } else if (child.type === 'element') {
      const language = languageOf(child)
      if (child.tagName === 'br') stand(HARD_BREAK)
      else if (OPAQUE_ELEMENTS.has(child.tagName)) stand(OPAQUE)
      else if (BLOCKS.has(child.tagName)) {
        flush()
        const outer = blockLanguage
        // A block inside an inline passage (`<span lang="en"><p>`) is in the passage's language.
        blockLanguage = language ?? open.at(-1)!.language ?? outer
        const around = open
        open = [{ run: main, language: blockLanguage }]
        for (const grandchild of child.children) walk(grandchild)
        flush()
        open = reopen(around)
        blockLanguage = outer
      } else if (language !== undefined) {
        // The passage reads as one stand-in in the text around it, as `<span lang>` does in Markdown.
        stand(OPAQUE)
        const passage = { run: run(), language }
        passages.push(passage)
        open.push(passage)
        for (const grandchild of child.children) walk(grandchild)
        open.pop()
      } else for (const grandchild of child.children) walk(grandchild)
    } else if (child.type === 'comment') stand(OPAQUE)
    else if (child.type === 'root') for (const grandchild of child.children) walk(grandchild)
  }
  walk(tree)
  flush()
  return blocks
}

/** Whether any character of the HTML stands outside a tag (and is not white space). */
function hasText(value: string): boolean {
  let inTag = false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 60) inTag = true
    else if (code === 62) inTag = false
    else if (!inTag && code !== 32 && code !== 10 && code !== 9 && code !== 13) return true
  }
  return false
}

/**
 * Typeset the text of a raw HTML node in place: each changed text is
 * written back over its own span of the HTML (escaped for HTML), so tags,
 * attributes, comments and code stay byte for byte as the writer typed
 * them, and the HTML goes on to the sanitiser as before.
 */
export function typesetHtml(node: Html, options: ResolvedOptions): void {
  const edits: Array<{ start: number; end: number; text: string }> = []
  // One setting per language met in this node, so a quotation runs on from block to block in the same language.
  const settings = new Map<string, ResolvedOptions>()
  const inLanguage = (outer: ResolvedOptions, language: string | undefined): ResolvedOptions => {
    if (language === undefined) return outer
    const key = `${outer.language}>${language}`
    if (!settings.has(key)) settings.set(key, forLanguage(outer, language))
    return settings.get(key)!
  }
  const set = (piece: HtmlRun, rules: ResolvedOptions): void => {
    const before = piece.nodes.map((text) => text.value)
    writeBlockText(piece, runPreset(piece, rules))
    piece.nodes.forEach((text, index) => {
      if (text.value !== before[index]) edits.push({ start: piece.spans[2 * index]!, end: piece.spans[2 * index + 1]!, text: escapeHtml(text.value) })
    })
  }
  for (const block of htmlBlocks(node)) {
    const rules = inLanguage(options, block.language)
    set(block, rules)
    for (const passage of block.passages) set(passage, inLanguage(rules, passage.language))
  }
  if (edits.length === 0) return
  edits.sort((a, b) => a.start - b.start)
  const out: string[] = []
  let last = 0
  for (const edit of edits) {
    out.push(node.value.slice(last, edit.start), edit.text)
    last = edit.end
  }
  out.push(node.value.slice(last))
  node.value = out.join('')
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
}
