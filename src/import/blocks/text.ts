import type { Nodes } from 'hast'

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
