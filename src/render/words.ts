import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { countWordLike } from './count-word-like.ts'

/**
 * Count words the way a reader would, in any script: the word-like
 * segments of the text by `Intl.Segmenter` for the book's language
 * (footnote definitions are not part of the count, as on AO3). Pieces of
 * text in the scripts ICU breaks by rule alone are counted by
 * `countWordLike`, which gives the same count thirty times faster; the
 * others (Chinese, Japanese, Thai…, an emoji joined to a word) by the
 * segmenter itself (see docs/decisions/0008-count-words-in-one-pass.md).
 */
export function countWords(trees: Root[], language: string): number {
  const fast = rulesAlone(language)
  let segmenter: Intl.Segmenter | undefined
  let count = 0
  for (const tree of trees) {
    for (const node of tree.children) {
      if (node.type === 'footnoteDefinition') continue
      const text = toString(node)
      for (let start = 0, end = 0; start < text.length; start = end) {
        end = pieceEnd(text, start)
        const counted = fast ? countWordLike(text, start, end) : -1
        if (counted >= 0) {
          count += counted
          continue
        }
        segmenter ??= new Intl.Segmenter(language, { granularity: 'word' })
        for (const segment of segmenter.segment(text.slice(start, end))) if (segment.isWordLike) count++
      }
    }
  }
  return count
}

/**
 * Whether the segmenter for `language` breaks words by ICU's standard rules,
 * which `countWordLike` follows: all locales but POSIX (`en-US-posix`,
 * `en-u-va-posix`), whose rules differ. (The tag is valid: the metadata
 * schema checked it. `Intl.Segmenter.supportedLocalesOf` would take 30 µs a
 * text.)
 */
function rulesAlone(language: string): boolean {
  return !/(?:^|-)posix(?:-|$)/i.test(language)
}

/** Plain text of a Markdown tree: its blocks' text, one space between them. */
export function plainText(tree: Root): string {
  return tree.children
    // Raw HTML is markup, not the description's words: the OPF's dc:description would show it as text.
    .map((node) => toString(node, { includeHtml: false }))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Where the piece of a long text that starts at `start` ends: pieces are of
 * about 4,000 characters, cut at white space, which no word spans. (Intl.Segmenter
 * slows down more than linearly on one long string: a 100 kB paragraph took
 * half a minute whole, milliseconds in pieces.) The count of a piece is the
 * same however it is counted, so the pieces are those the count has always used.
 */
function pieceEnd(text: string, start: number, size = 4096): number {
  if (text.length - start <= size) return text.length
  const space = text.lastIndexOf(' ', start + size)
  return space > start ? space + 1 : start + size
}
