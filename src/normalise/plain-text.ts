import type { Nodes, Root } from 'mdast'

/**
 * The reader's text of a normalised tree: one paragraph (or heading, list
 * item paragraph, code block) per entry, a hard break as a line end, a
 * scene break as `* * *`. Markup (emphasis, links, inline HTML tags) is
 * dropped; images give their alt text.
 */
export function plainText(tree: Root): string {
  const blocks: string[] = []
  const inline = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value
      case 'break':
        return '\n'
      case 'image':
        return node.alt ?? ''
      case 'html':
        return ''
      default:
        return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : ''
    }
  }
  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        blocks.push(inline(node))
        return
      case 'code':
        blocks.push(node.value)
        return
      case 'html':
        blocks.push(node.value)
        return
      case 'thematicBreak':
        blocks.push('* * *')
        return
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) block(child)
    }
  }
  block(tree)
  return blocks.join('\n\n')
}
