/** What one raw HTML tag does to the language: opens an element with `lang`, or closes one. */
export interface LanguageChange {
  open?: string
  close?: boolean
  /** The element's name, lower-cased: only its own end tag closes a passage. */
  tag: string
}

const OPEN = /^\s*<(div|section|blockquote|aside|p|span|q|i|em|cite)\b[^>]*?\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>\s*$/i
const CLOSE = /^\s*<\/(div|section|blockquote|aside|p|span|q|i|em|cite)\s*>\s*$/i

/**
 * Read one raw HTML node: `<span lang="fr">` opens a French passage,
 * `</span>` closes the passage open. Only a node that is one tag alone
 * counts; anything else (a tag with content, a comment) changes nothing.
 * The reader keeps the name of the element that opened a passage and
 * closes it only at that element's own end tag, so `</em>` inside a
 * `<span lang="en">` does not end the passage.
 */
export function passageLanguage(html: string): LanguageChange | undefined {
  const open = OPEN.exec(html)
  if (open) {
    const language = (open[2] ?? open[3] ?? open[4] ?? '').trim()
    return language ? { open: language, tag: open[1]!.toLowerCase() } : undefined
  }
  const close = CLOSE.exec(html)
  return close ? { close: true, tag: close[1]!.toLowerCase() } : undefined
}
