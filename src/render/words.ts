import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'

/**
 * Count words the way a reader would, in any script: the word-like
 * segments of the text by `Intl.Segmenter` for the book's language
 * (footnote definitions are not part of the count, as on AO3).
 */
export function countWords(trees: Root[], language: string): number {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' })
  let count = 0
  for (const tree of trees) {
    for (const node of tree.children) {
      if (node.type === 'footnoteDefinition') continue
      for (const segment of segmenter.segment(toString(node))) if (segment.isWordLike) count++
    }
  }
  return count
}

/** Plain text of a Markdown tree: its blocks' text, one space between them. */
export function plainText(tree: Root): string {
  return tree.children
    .map((node) => toString(node))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}
