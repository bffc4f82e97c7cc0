import type { BlockContent, Code, Heading, List, ListItem, Node, PhrasingContent, Root, RootContent } from 'mdast'
import { createNoteWriter, type NoteWriter } from './simple-notes.ts'
import type { XhtmlOptions, XhtmlParts } from './to-xhtml.ts'

/**
 * The XHTML of a simple text, written in one walk of its mdast tree, without
 * the hast, sanitizer and xast trees of `toXhtmlParts`: see
 * docs/decisions/0007-direct-xhtml-for-simple-texts.md for the measured
 * reason. "Simple" is prose as novels have it: paragraphs, headings, block
 * quotes, lists, code, scene breaks, and in a phrase text, emphasis, strong,
 * inline code and hard breaks.
 *
 * For every tree it accepts the result is byte for byte that of
 * `toXhtmlParts(tree, options)` (a property test holds it to that). It
 * returns `undefined`, for the caller to take the full path, for a tree with
 * anything else: raw HTML, links, images, definitions, tables,
 * unknown nodes, `data.hName`/`hProperties`/`hChildren`, a task-list item, a
 * block where a phrase belongs or the reverse, a heading depth other than
 * 1–6, a list `start` that is not a whole number, or a character XML forbids
 * (the sanitizer would warn and remove it).
 *
 * Footnotes are written by `simple-notes.ts` when the caller numbers them
 * (`options.notes`), with definitions at the top of the tree.
 *
 * Each step below names the stage of the full path it reproduces.
 */
export function simpleXhtmlParts(tree: Root, options: XhtmlOptions): XhtmlParts | undefined {
  if (tree.type !== 'root' || hasHastData(tree)) return undefined
  // The scene break's label is an attribute: the sanitizer drops it (with a warning) if XML forbids a character in it.
  const hr = forbidden.test(options.sceneBreakLabel) ? undefined : `<hr class="scene-break" role="separator" aria-label="${escapeAttribute(options.sceneBreakLabel)}" />`
  let notes: NoteWriter | undefined
  if (options.notes && tree.children.some((child) => child.type === 'footnoteDefinition')) {
    notes = createNoteWriter(tree, options.notes, options.noteLabels ?? { backlink: 'Back to text', note: 'Note' }, escapeAttribute, forbidden)
    if (!notes) return undefined
  }
  const context: Context = { hr, notes }
  // mdast-util-to-hast writes nothing for a definition (its handler is `ignore`).
  const body = blocks(notes ? tree.children.filter((child) => child.type !== 'footnoteDefinition') : tree.children, '', context)
  if (body === undefined) return undefined
  const asides = notes ? notes.asides((nodes) => blocks(nodes as RootContent[], '', context)) : ''
  if (asides === undefined) return undefined
  notes?.commit()
  // hastToXml: XML forbids `]]>` in text.
  return { body: body.includes(']]>') ? body.replaceAll(']]>', ']]&gt;') : body, notes: asides.includes(']]>') ? asides.replaceAll(']]>', ']]&gt;') : asides }
}

/** What every block and phrase is written with: the scene break's element, the footnotes' writer if any. */
interface Context {
  hr: string | undefined
  notes: NoteWriter | undefined
}

/** XML 1.0's forbidden characters, as `src/load/xml-chars.ts` lists them (without its `g` flag, so `test` keeps no state). */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** A text without any of these is written as it is: no line to trim, nothing to escape, nothing forbidden. */
const plain = /[\u0000-\u0008\u000A-\u001F&<\uD800-\uDFFF\uFFFE\uFFFF]/
const lineEnding = /\r?\n|\r/g

/**
 * Block nodes joined as mdast-util-to-hast's `wrap` joins them (a line feed
 * between), with `edge` before and after when there is at least one (a
 * blockquote's or list's loose wrap).
 */
function blocks(nodes: ReadonlyArray<RootContent>, edge: string, context: Context): string | undefined {
  let out = ''
  for (let index = 0; index < nodes.length; index++) {
    const written = block(nodes[index] as RootContent, context)
    if (written === undefined) return undefined
    out += index === 0 ? written : `\n${written}`
  }
  return nodes.length > 0 ? edge + out + edge : edge
}

function block(node: RootContent, context: Context): string | undefined {
  if (hasHastData(node)) return undefined
  switch (node.type) {
    case 'paragraph':
      return element('p', '', phrases(node.children, false, context))
    case 'heading':
      return heading(node, context)
    case 'thematicBreak':
      return context.hr
    case 'blockquote': {
      const content = blocks(node.children, '\n', context)
      return content === undefined ? undefined : `<blockquote>${content}</blockquote>`
    }
    case 'list':
      return list(node, context)
    case 'code':
      return code(node)
    default:
      return undefined
  }
}

function heading(node: Heading, context: Context): string | undefined {
  const depth: unknown = node.depth
  // An `h7` is no element the allow-list keeps: the sanitizer would unwrap it.
  if (depth !== 1 && depth !== 2 && depth !== 3 && depth !== 4 && depth !== 5 && depth !== 6) return undefined
  return element(`h${depth}`, '', phrases(node.children, false, context))
}

/** mdast-util-to-hast's `list` and `listItem`: a tight list's paragraphs lose their `<p>`. */
function list(node: List, context: Context): string | undefined {
  const { start } = node
  let attributes = ''
  if (typeof start === 'number' && start !== 1) {
    // The sanitizer removes (with a warning) a `start` on a `<ul>`, or one that is not a whole number.
    if (!node.ordered || !/^-?\d+$/.test(String(start))) return undefined
    attributes = ` start="${String(start)}"`
  }
  // A task-list item gets a checkbox `<input>`, which the sanitizer removes (with a warning).
  if (!node.children.every((child) => child.type === 'listItem' && !hasHastData(child) && typeof child.checked !== 'boolean')) return undefined
  let loose = Boolean(node.spread)
  for (let index = 0; !loose && index < node.children.length; index++) loose = itemLoose(node.children[index] as ListItem)
  let out = ''
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index] as ListItem
    const written = item(child, loose, context)
    if (written === undefined) return undefined
    out += index === 0 ? written : `\n${written}`
  }
  const name = node.ordered ? 'ol' : 'ul'
  return `<${name}${attributes}>\n${out}${node.children.length > 0 ? '\n' : ''}</${name}>`
}

function itemLoose(node: ListItem): boolean {
  const { spread } = node
  return spread === null || spread === undefined ? node.children.length > 1 : Boolean(spread)
}

function item(node: ListItem, loose: boolean, context: Context): string | undefined {
  let out = ''
  const children = node.children as BlockContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as BlockContent
    const paragraph = child.type === 'paragraph'
    if (loose || index !== 0 || !paragraph) out += '\n'
    if (paragraph && !loose) {
      if (hasHastData(child)) return undefined
      const content = phrases(child.children, false, context)
      if (content === undefined) return undefined
      out += content
    } else {
      const written = block(child, context)
      if (written === undefined) return undefined
      out += written
    }
  }
  const tail = children[children.length - 1]
  if (tail && (loose || tail.type !== 'paragraph')) out += '\n'
  return element('li', '', out)
}

/** mdast-util-to-hast's `code`: `<pre><code>`, the first word of the info string as a `language-` class. */
function code(node: Code): string | undefined {
  const { lang, value } = node as { lang: unknown; value: unknown }
  if (typeof value !== 'string' || (lang !== null && lang !== undefined && typeof lang !== 'string')) return undefined
  let attributes = ''
  if (lang) {
    const name = `language-${lang.split(/\s+/)[0]}`
    if (forbidden.test(name)) return undefined
    attributes = ` class="${escapeAttribute(name)}"`
  }
  if (forbidden.test(value)) return undefined
  return `<pre>${element('code', attributes, value ? escapeText(`${value}\n`) : '')}</pre>`
}

/**
 * Phrasing content. mdast-util-to-hast takes the leading spaces and tabs off
 * the text after a hard break, or off the first child of the element after
 * one if that child is a text: `trimHead` says this parent is such an element.
 */
function phrases(nodes: ReadonlyArray<PhrasingContent>, trimHead: boolean, context: Context): string | undefined {
  let out = ''
  for (let index = 0; index < nodes.length; index++) {
    const previous = index === 0 ? undefined : nodes[index - 1]
    const written = phrase(nodes[index] as PhrasingContent, previous?.type === 'break', index === 0 && trimHead, context)
    if (written === undefined) return undefined
    out += written
  }
  return out
}

/** `afterBreak`: this node follows a hard break. `first`: it is the first child of an element that does. */
function phrase(node: PhrasingContent, afterBreak: boolean, first: boolean, context: Context): string | undefined {
  if (hasHastData(node)) return undefined
  switch (node.type) {
    case 'text':
      return text(node.value, afterBreak || first)
    case 'emphasis':
      return element('em', '', phrases(node.children, afterBreak, context))
    case 'strong':
      return element('strong', '', phrases(node.children, afterBreak, context))
    case 'inlineCode': {
      const value: unknown = node.value
      if (typeof value !== 'string' || forbidden.test(value)) return undefined
      const spaced = value.replace(lineEnding, ' ')
      return element('code', '', escapeText(afterBreak ? trimStart(spaced) : spaced))
    }
    case 'break':
      return '<br />\n'
    case 'footnoteReference':
      return context.notes?.reference(node)
    default:
      return undefined
  }
}

/** mdast-util-to-hast's `text` (trim-lines), the sanitizer's check, xast-util-to-xml's escapes. */
function text(value: unknown, trimHead: boolean): string | undefined {
  if (typeof value !== 'string') return undefined
  if (!plain.test(value)) return trimHead ? trimStart(value) : value
  if (forbidden.test(value)) return undefined
  const lines = value.includes('\n') || value.includes('\r') ? trimLines(value) : value
  return escapeText(trimHead ? trimStart(lines) : lines)
}

/** An element as xast-util-to-xml writes it with `closeEmptyElements`: `<em />` when it holds no text. */
function element(name: string, attributes: string, content: string | undefined): string | undefined {
  if (content === undefined) return undefined
  return content === '' ? `<${name}${attributes} />` : `<${name}${attributes}>${content}</${name}>`
}

/**
 * Spaces and tabs go at the end of every line but the last and at the start
 * of every line but the first (the `trim-lines` package, which
 * mdast-util-to-hast applies to every text).
 */
function trimLines(value: string): string {
  let out = ''
  let last = 0
  lineEnding.lastIndex = 0
  for (let match = lineEnding.exec(value); match; match = lineEnding.exec(value)) {
    out += trimLine(value.slice(last, match.index), last > 0, true) + match[0]
    last = match.index + match[0].length
  }
  return out + trimLine(value.slice(last), last > 0, false)
}

function trimLine(line: string, start: boolean, end: boolean): string {
  let from = 0
  let to = line.length
  if (start) while (from < to && isSpace(line.charCodeAt(from))) from++
  if (end) while (to > from && isSpace(line.charCodeAt(to - 1))) to--
  return line.slice(from, to)
}

function trimStart(value: string): string {
  let from = 0
  while (from < value.length && isSpace(value.charCodeAt(from))) from++
  return from === 0 ? value : value.slice(from)
}

function isSpace(code: number): boolean {
  return code === 9 || code === 32
}

/** xast-util-to-xml escapes only `&` and `<` in text, as hexadecimal references. */
function escapeText(value: string): string {
  return value.replace(/[&<]/g, (char) => (char === '&' ? '&#x26;' : '&#x3C;'))
}

/** …and `&`, `<` and the quote in an attribute value. */
function escapeAttribute(value: string): string {
  return value.replace(/[&<"]/g, (char) => (char === '&' ? '&#x26;' : char === '<' ? '&#x3C;' : '&#x22;'))
}

/** mdast-util-to-hast's `applyData` would rename, extend or replace the element. */
function hasHastData(node: Node): boolean {
  const data = node.data
  return data !== undefined && (data.hName !== undefined || data.hProperties !== undefined || data.hChildren !== undefined)
}
