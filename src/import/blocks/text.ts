import type { Element, ElementContent, Nodes } from 'hast'

/** The text a hast node shows (script and style hold none), white space collapsed. */
export function hastText(node: Nodes): string {
  let text = ''
  const walk = (current: Nodes): void => {
    if (current.type === 'text') text += current.value
    else if (current.type === 'element' && (current.tagName === 'script' || current.tagName === 'style')) return
    else if (current.type === 'element' && current.tagName === 'br') text += ' '
    else if ('children' in current) for (const child of current.children) walk(child)
  }
  walk(node)
  return text.replace(/\s+/g, ' ').trim()
}

/** Is all of the block's text inside one of these elements (`strong`/`b`, `em`/`i`)? */
export function wholly(node: Element, names: readonly string[], text: string): boolean {
  let inside = ''
  const walk = (current: ElementContent, within: boolean): void => {
    if (current.type === 'text' && within) inside += current.value
    if (current.type === 'element') for (const child of current.children) walk(child, within || names.includes(current.tagName))
  }
  walk(node, false)
  return inside.replace(/\s+/g, ' ').trim() === text
}
