import type { Element as XastElement, Nodes as XastNodes, Root as XastRoot } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import type { VFile } from 'vfile'
import { fail } from './zip.ts'

/**
 * The XML parts of a package (OPF, NCX, container.xml, core.xml,
 * document.xml) through xast-util-from-xml (@rgrove/parse-xml): it never
 * fetches an external entity or DTD and refuses entity declarations, so a
 * "billion laughs" or an `<!ENTITY x SYSTEM "file:…">` is a parse error,
 * not an expansion.
 */
export function parseXml(file: VFile, part: string, text: string): XastRoot {
  try {
    return fromXml(text)
  } catch (error) {
    const cause = (error as { cause?: { message?: string; line?: number; column?: number } }).cause
    const where = cause?.line ? `, line ${cause.line}, column ${cause.column ?? 1}` : ''
    const why = (cause?.message ?? (error as Error).message).split('\n')[0]?.replace(/\.$/, '')
    fail(file, `Unexpected malformed XML in \`${part}\`${where} (${why}), expected well-formed XML`, 'import-xml')
  }
}

/** An element's name without its prefix: `dc:title` → `title`. */
export function localName(node: XastElement): string {
  const colon = node.name.indexOf(':')
  return colon === -1 ? node.name : node.name.slice(colon + 1)
}

/** Every element under `node` (itself included) whose local name is `name`, in document order. */
export function findAll(node: XastNodes, name: string): XastElement[] {
  const found: XastElement[] = []
  const walk = (current: XastNodes): void => {
    if (current.type === 'element' && localName(current) === name) found.push(current)
    if ('children' in current) for (const child of current.children) walk(child)
  }
  walk(node)
  return found
}

export function findFirst(node: XastNodes, name: string): XastElement | undefined {
  return findAll(node, name)[0]
}

/** An attribute by its local name (`opf:role` or `role`). */
export function attribute(node: XastElement, name: string): string | undefined {
  for (const [key, value] of Object.entries(node.attributes)) {
    if (key === name || key.endsWith(`:${name}`)) return value ?? undefined
  }
  return undefined
}

/** The text an element holds, white space collapsed. */
export function textOf(node: XastNodes): string {
  let text = ''
  const walk = (current: XastNodes): void => {
    if (current.type === 'text' || current.type === 'cdata') text += current.value
    else if ('children' in current) for (const child of current.children) walk(child)
  }
  walk(node)
  return text.replace(/\s+/g, ' ').trim()
}
