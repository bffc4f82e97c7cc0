import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'
import { isDialogue } from './dialogue-opening.ts'

/**
 * A dash with a space before it, typed `-`, `--` (already `—`), `—` or `–`,
 * followed by a space, a closing quote or the end: the language's sentence
 * dash with its spaces (de, it, nl, sv, cs, fr: ` – `; pt: ` — `; ru: a
 * no-break space, `—`, a space; pl: a no-break space, `–`, a space). In a
 * paragraph of dialogue it is the dialogue dash, and a comma before it
 * stays (`Привет, — сказал он. — Пока.`, Мильчин). Between digits it is a
 * range, and a dash typed without spaces stays as typed.
 */
const SPACED = /(?<=\S)[ \t\u00A0]+[-—–―](?:[ \t\u00A0]+(?=\S)|(?=["'»”“«„’‘\u2028)]|$))/g
const DIGIT = /\d/

export const sentenceDashes: Rule = {
  name: 'sentence-dashes',
  trigger: '-—–―',
  apply(input, options) {
    const { dash, dialogue } = options.profile
    if (typeof dash !== 'object') return input
    const glyph = dialogue && isDialogue(input.text, dialogue.dash) ? dialogue.dash : dash.glyph
    return replaceAll(input, SPACED, (match, text) => {
      const before = text[match.index - 1] ?? ''
      const end = match.index + match[0].length
      const after = text[end] ?? ''
      if (DIGIT.test(before) && DIGIT.test(after)) return match[0]
      const spaced = /[ \t\u00A0]$/.test(match[0])
      return dash.before + glyph + (spaced ? dash.after : '')
    })
  },
}
