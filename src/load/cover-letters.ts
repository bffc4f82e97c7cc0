import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { location } from 'vfile-location'
import { isLetter, undrawableIn } from '../cover/coverage.ts'
import type { Metadata } from './metadata.ts'

const code = (character: string): string => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * A book without a cover of its own gets one drawn in EB Garamond (Latin,
 * Greek, Cyrillic). A letter it lacks (Chinese, Japanese, Arabic, Hebrew,
 * Devanagari …) in the title, subtitle, authors or series is refused at its
 * place in book.yaml, never drawn left out; an emoji or a symbol it lacks
 * is left out with a warning there.
 */
export function checkCoverLetters(file: VFile, metadata: Metadata): VFileMessage[] {
  const text = [metadata.title, metadata.subtitle ?? '', ...metadata.authors.filter((author) => author.role === 'aut').map((author) => author.name), metadata.series?.name ?? ''].join(' ')
  const missing = undrawableIn(text)
  if (missing.length === 0) return []
  const value = String(file.value)
  const points = location(value)
  const at = (character: string) => {
    const offset = value.indexOf(character)
    const point = offset < 0 ? undefined : points.toPoint(offset)
    return point ?? { line: 1, column: 1 }
  }
  const messages: VFileMessage[] = []
  const letters = missing.filter(isLetter)
  const others = missing.filter((character) => !isLetter(character))
  if (letters.length > 0) {
    const shown = letters.slice(0, 5).map((character) => `\`${character}\` (${code(character)})`).join(', ')
    const message = file.message(
      `Unexpected ${shown}${letters.length > 5 ? ' …' : ''} on the drawn cover, whose font (EB Garamond) draws Latin, Greek and Cyrillic letters only; expected a cover.png or cover.jpg in the manuscript folder`,
      { place: at(letters[0]!), ruleId: 'cover-script', source: 'colophon-load' },
    )
    message.fatal = true
    messages.push(message)
  }
  if (others.length > 0) {
    const shown = others.slice(0, 5).map((character) => `\`${character}\` (${code(character)})`).join(', ')
    messages.push(
      file.message(`Unexpected ${shown} on the drawn cover, which its font lacks: left out of the cover (the book keeps it); expected a cover.png or cover.jpg to show it`, {
        place: at(others[0]!),
        ruleId: 'cover-symbol',
        source: 'colophon-load',
      }),
    )
  }
  return messages
}
