import type { Definition, Image } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { visit } from 'unist-util-visit'

/** An image a text names by a path of the story's own folder: its destination as typed, and where it stands in the text. */
export interface LocalImage {
  /** The destination as Markdown gives it (`pic.png`, `art/my%20map.png`). */
  url: string
  /** Its place in the text (1-based), for messages. */
  line: number
  column: number
  /** Offsets of the destination in the text, to replace it. */
  start: number
  end: number
}

/** A scheme (`http:`, `data:`) or a network path (`//host/…`): never a file beside the story; the load refuses it. */
const REMOTE = /^[a-z][a-z0-9+.-]*:|^\/\//i
/** A drive letter is a path, not a scheme. */
const DRIVE = /^[a-z]:[\\/]/i

/** Whether a destination names a file (relative or absolute), not a remote resource or a fragment. */
export function isFilePath(url: string): boolean {
  return url !== '' && !url.startsWith('#') && (!REMOTE.test(url) || DRIVE.test(url))
}

/**
 * The images a Markdown text names by file path (images, and the
 * definitions reference-style images use), found by parsing it: nothing
 * that only looks like one. Remote ones are left to the load, which refuses them.
 */
export function localImages(markdown: string): LocalImage[] {
  if (!markdown.includes('](') && !markdown.includes(']:')) return []
  const found: LocalImage[] = []
  const tree = fromMarkdown(markdown)
  const used = new Set<string>()
  visit(tree, 'imageReference', (node) => void used.add(node.identifier.toUpperCase()))
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'definition') return
    if (node.type === 'definition' && !used.has(node.identifier.toUpperCase())) return
    if (!isFilePath(node.url)) return
    const place = destination(markdown, node)
    if (place) found.push({ url: node.url, line: node.position!.start.line, column: node.position!.start.column, ...place })
  })
  return found
}

/**
 * Where a node's destination is typed: after the `](` (an image) or `]:` (a
 * definition) that ends its label, either in angle brackets or up to the
 * first white space or, for an image, its closing parenthesis.
 */
function destination(markdown: string, node: Image | Definition): { start: number; end: number } | undefined {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const source = markdown.slice(from, to)
  const opener = node.type === 'image' ? source.lastIndexOf('](', source.length - node.url.length) : source.indexOf(']:')
  if (opener < 0) return undefined
  let start = opener + 2
  while (/\s/.test(source[start] ?? '')) start++
  if (source[start] === '<') {
    const close = source.indexOf('>', start)
    return close < 0 ? undefined : { start: from + start, end: from + close + 1 }
  }
  let end = start
  let depth = 0
  while (end < source.length && !/\s/.test(source[end]!)) {
    const char = source[end]!
    if (char === '\\') end++
    else if (char === '(') depth++
    else if (char === ')' && depth-- === 0) break
    end++
  }
  return end > start ? { start: from + start, end: from + end } : undefined
}

/** The text with each destination replaced by the new one `to` gives it (or kept, when it gives none). */
export function replaceImages(markdown: string, images: readonly LocalImage[], to: (image: LocalImage) => string | undefined): string {
  // In one pass, piece by piece: a text of many images costs its length once, not once per image.
  const pieces: string[] = []
  let last = 0
  for (const image of [...images].sort((a, b) => a.start - b.start)) {
    const url = to(image)
    if (url === undefined || image.start < last) continue
    pieces.push(markdown.slice(last, image.start), url)
    last = image.end
  }
  pieces.push(markdown.slice(last))
  return pieces.join('')
}
