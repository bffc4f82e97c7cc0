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
      for (const piece of pieces(toString(node))) for (const segment of segmenter.segment(piece)) if (segment.isWordLike) count++
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

/**
 * A long text in pieces of about 4,000 characters, cut at white space, which
 * no word spans. (Intl.Segmenter slows down more than linearly on one long
 * string: a 100 kB paragraph took half a minute whole, milliseconds in pieces.)
 */
function* pieces(text: string, size = 4096): Generator<string> {
  let start = 0
  while (text.length - start > size) {
    const space = text.lastIndexOf(' ', start + size)
    const end = space > start ? space + 1 : start + size
    yield text.slice(start, end)
    start = end
  }
  yield text.slice(start)
}
