/**
 * Characters XML 1.0 forbids in a document (§2.2): C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; and surrogates that
 * are not part of a pair. No escape can carry them, so they must not reach
 * the XHTML.
 */
export const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The controls and noncharacters alone: a search without look-arounds, many times faster over a long text. */
const FORBIDDEN_SINGLE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

/** Lone surrogates are what `isWellFormed` (ES2024) finds. */
export function hasForbiddenXmlChars(text: string): boolean {
  return !text.isWellFormed() || FORBIDDEN_SINGLE_CHARS.test(text)
}

export function removeForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN_XML_CHARS, '')
}

/** `U+0001`, the way a message names a character. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}
