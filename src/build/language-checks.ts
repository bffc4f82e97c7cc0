import { join } from 'node:path'
import { VFileMessage } from 'vfile-message'
import { isLetter, undrawable } from '../cover/coverage.ts'
import { coverText } from '../cover/image.ts'
import { BookError } from '../errors.ts'
import type { Book } from '../load/index.ts'
import { neutralWarning, resolveLanguage } from '../normalise/typography/languages/resolve.ts'
import { LABEL_LANGUAGES, labelTable } from '../render/labels.ts'

/**
 * Warnings on book.yaml when the book's language has no typography rules
 * of its own (it gets the neutral set), or no table of the words colophon
 * writes (they are English, unless `labels:` gives them).
 */
export function languageNotes(book: Book): VFileMessage[] {
  const { language } = book.metadata
  const notes: VFileMessage[] = []
  const note = (reason: string, ruleId: string): void => {
    const message = new VFileMessage(reason, { ruleId, source: 'colophon-typography' })
    message.file = join(book.root, 'book.yaml')
    notes.push(message)
  }
  if (!resolveLanguage(language).known) note(neutralWarning(language), 'typography-language')
  if (!labelTable(language)) {
    note(`Unexpected language \`${language}\` for the words colophon writes (Contents, Chapter …), expected one with a table (${LABEL_LANGUAGES.join(', ')}); they are in English unless \`labels:\` in book.yaml gives them`, 'labels-language')
  }
  return notes
}

/**
 * A book with no cover of its own gets one drawn in EB Garamond, which has
 * Latin, Greek and Cyrillic letters: a title in another script (Chinese,
 * Japanese, Arabic, Hebrew, Devanagari …) is refused, not drawn with its
 * letters left out.
 */
export function refuseUndrawableCover(book: Book): void {
  if (book.cover) return
  // The load stage refused letters of book.yaml's own values at their place; these come from the labels (`Part 2 of …`).
  const missing = undrawable(coverText(book.metadata)).filter(isLetter)
  if (missing.length === 0) return
  const shown = missing.slice(0, 5).map((character) => `\`${character}\` (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')
  const message = new VFileMessage(
    `Unexpected ${shown}${missing.length > 5 ? ' …' : ''} on the drawn cover, whose font (EB Garamond) draws Latin, Greek and Cyrillic letters only; expected a cover.png or cover.jpg in the manuscript folder`,
    { ruleId: 'cover-script', source: 'colophon-cover' },
  )
  message.file = join(book.root, 'book.yaml')
  message.line = 1
  message.column = 1
  message.fatal = true
  throw new BookError([message])
}
