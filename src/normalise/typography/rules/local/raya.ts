import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/** What an aside opens on: a word, or an opening mark (quotes are decided before the raya). */
const LETTER = /[\p{L}\p{N}¿¡«“‘]/u
/** A raya typed `—` (or `--`, already one), or a hyphen or en dash with a space on one side. */
const DASH = /[ \t\u00A0]*(?:[—―]|(?<=\s)[-–](?=[\s\p{L}¿¡])|(?<=[\p{L}\p{P}])[-–](?=\s|[\p{P}]|$))[ \t\u00A0]*/gu

/**
 * The Spanish raya (RAE, Ortografía 2010, 3.4.5): it is attached to the
 * words it encloses and spaced from the rest, `—Espera —dijo Marta—, ya
 * voy.` The dashes after the opening one pair up: the first opens an
 * aside (space before, none after), the next closes it (none before).
 */
export const raya: Rule = {
  name: 'raya',
  trigger: '-—–―',
  apply(input, options) {
    if (options.profile.dash !== 'raya') return input
    let open = false
    return replaceAll(input, DASH, (match, text) => {
      const start = match.index
      const end = start + match[0].length
      // The dialogue dash at a paragraph's start is the dialogue rule's.
      if (start === 0 || text[start - 1] === '\u2028') return match[0]
      const next = text[end]
      if (!open && next !== undefined && LETTER.test(next)) {
        open = true
        // Spaced from what is before it, unless that is a dash (a two- or three-em dash too) or an opening mark already.
        return !/^[ \t\u00A0]/.test(match[0]) && /[\s—–―⸺⸻(«“¿¡-]/.test(text[start - 1] ?? ' ') ? '—' : ' —'
      }
      open = false
      // Two dashes typed apart stay apart.
      if (/[-—–―⸺⸻]/.test(text[start - 1] ?? '')) return match[0].replace(/[-–―]/, '—')
      if (next === undefined) return '—'
      return /[ \t\u00A0]$/.test(match[0]) || LETTER.test(next) ? '— ' : '—'
    })
  },
}
