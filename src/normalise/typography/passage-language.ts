/** What one raw HTML tag does to the language: opens an element with `lang`, or closes one. */
export interface LanguageChange {
  open?: string
  close?: boolean
}

const OPEN = /^\s*<(div|section|blockquote|aside|p|span|q|i|em|cite)\b[^>]*?\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>\s*$/i
const CLOSE = /^\s*<\/(div|section|blockquote|aside|p|span|q|i|em|cite)\s*>\s*$/i

/**
 * Read one raw HTML node: `<span lang="fr">` opens a French passage,
 * `</span>` closes the passage open. Only a node that is one tag alone
 * counts; anything else (a tag with content, a comment) changes nothing.
 * Closing tags of elements without `lang` are not seen, so a passage is
 * an element that holds no element of its own kind (what a writer types).
 */
export function passageLanguage(html: string): LanguageChange | undefined {
  const open = OPEN.exec(html)
  if (open) {
    const tag = (open[2] ?? open[3] ?? open[4] ?? '').trim()
    return tag ? { open: tag } : undefined
  }
  return CLOSE.test(html) ? { close: true } : undefined
}
