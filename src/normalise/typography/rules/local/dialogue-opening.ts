import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/** A dash typed at a paragraph's (or line's) start: `- `, `-- `, `--- `, or a dash glyph, spaced or not. */
const OPENING = /(?<=^|\u2028)[ \t]*(?:-{1,3}(?=[ \t])|-{2,3}|[—–―])[ \t\u00A0]*(?=[^\s\d\-—–―⸺⸻−])/g
/** Spanish writers also type a hyphen against the first word: `-Hola`. */
const OPENING_ATTACHED = /(?<=^|\u2028)[ \t]*(?:-{1,3}|[—–―])[ \t\u00A0]*(?=[\p{L}¿¡«"'])/gu

/**
 * A line of dialogue opens with the language's dash and space (fr: `— ` with
 * a no-break space, Imprimerie nationale; es: `—` attached, RAE 2010;
 * pt, ru, pl: `— `; sv: `– `). The parser has already kept a `- ` paragraph
 * from becoming a list item in a language whose writers type dialogue so.
 */
export const dialogueOpening: Rule = {
  name: 'dialogue-opening',
  trigger: '-—–―',
  apply(input, options) {
    const { dialogue } = options.profile
    if (!dialogue) return input
    const pattern = options.profile.dash === 'raya' ? OPENING_ATTACHED : OPENING
    return replaceAll(input, pattern, dialogue.dash + dialogue.space)
  },
}

/** Whether a block's text is a line of dialogue, opened by the language's dialogue dash. */
export function isDialogue(text: string, dash: string): boolean {
  return text.startsWith(dash)
}
