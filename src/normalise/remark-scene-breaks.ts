import type { Paragraph, Root, ThematicBreak } from 'mdast'

/**
 * A paragraph that is only a plain-text scene-break marker (`. o .`, `o0o`,
 * `~*~`, `# # #`, `+++`) becomes a thematic break, as Markdown's own `* * *`
 * does. Markers need punctuation and allow only the letters o, O, x, X.
 */
const marker = /^[ \t]*(?=[^\n]*[.·•*~+=#_\-–—])(?:[.·•*~+=#_\-–—oOxX0][ \t]*){3,}$/

export function remarkSceneBreaks() {
  return function transform(tree: Root): void {
    tree.children = tree.children.map((node) => (isMarker(node) ? toBreak(node) : node))
  }
}

function isMarker(node: Root['children'][number]): node is Paragraph {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false
  const only = node.children[0]
  return only?.type === 'text' && marker.test(only.value)
}

function toBreak(node: Paragraph): ThematicBreak {
  return { type: 'thematicBreak', position: node.position }
}
