/**
 * What the English quote scan (`quotes.ts`) and the other languages'
 * (`local/local-quotes.ts`) both ask of a straight `'` before a word:
 * which word follows it, and whether a `'` later in the block could close
 * a quotation it would open. One answer for both, so the two cannot drift.
 */
const LETTER = /[\p{L}\p{M}]/u
const SPACE = /\s/

/** The letters after the mark at `index`, lowercased: `'Tis so` gives `tis`. */
export function wordAfter(text: string, index: number): string {
  let end = index + 1
  while (end < text.length && LETTER.test(text[end]!)) end++
  return text.slice(index + 1, end).toLowerCase()
}

/**
 * Whether a straight `'` later in the block than `index` could close a
 * quotation opened there: one after a non-space, not followed by a letter.
 * Without one, a `'` before a word is a dialect elision (`'spectable`,
 * `'Frisco`): pandoc decides it so.
 */
export function hasStraightPartner(text: string, index: number): boolean {
  for (let at = text.indexOf("'", index + 1); at !== -1; at = text.indexOf("'", at + 1)) {
    const after = text[at + 1]
    // `at` is past `index`, so there is always a character before it.
    if (!SPACE.test(text[at - 1]!) && (after === undefined || !LETTER.test(after))) return true
  }
  return false
}
