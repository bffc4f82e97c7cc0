/**
 * Split text into sentences the way Kobo's reader counts them for
 * highlighting: after `.`, `!`, `?` or `…`, any closing quotes or brackets,
 * then white space, which stays with the sentence before it. Naive on
 * abbreviations (“Dr. McCoy” is two), as kepubify and Kobo are.
 */
const SENTENCE_END = /[.!?…]+["'\u201D\u2019\u00BB)\]]*\s+/gu

export function sentences(text: string): string[] {
  const pieces: string[] = []
  let start = 0
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length
    if (end >= text.length) break
    pieces.push(text.slice(start, end))
    start = end
  }
  pieces.push(text.slice(start))
  return pieces.filter((piece) => piece.length > 0)
}
