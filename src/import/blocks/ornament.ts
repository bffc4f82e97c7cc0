import type { Block } from './types.ts'

/**
 * Scene-break ornaments writers type on a line of their own: `* * *`, `***`,
 * `#`, `###`, `~*~`, `+++`, `§`, `o0o`, `oOo`, `xXx`, `. o .`, lines of
 * underscores, tildes or dashes. The letters o, O, 0 and x/X count only in
 * those mirrored patterns, so that no word is ever read as one.
 */
const SYMBOLS = /^[\s*#~+§•·◇◆❖⁂=_\-–—.·⁕✶✻❦❧☙※|/\\]+$/u
const LETTERED = /^(?:[\s.*~·-]*(?:o0o|oOo|OoO|0o0|xXx|XxX|o|O)[\s.*~·-]*)+$/u

/** Does this text, alone in its paragraph, read as a scene break? */
export function isOrnamentText(text: string, centred: boolean): boolean {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > 40) return false
  if (LETTERED.test(trimmed)) {
    // `o` or `O` alone is a word only in poetry ("O Captain"), but keep it to the marked forms or centred ones.
    return centred || /o0o|oOo|OoO|0o0|xXx|XxX|\.\s*o\s*\./.test(trimmed)
  }
  if (!SYMBOLS.test(trimmed)) return false
  // A lone `.`, `-` or `…` line is punctuation someone typed, unless it is centred.
  if (/^[.\-–—]{1,3}$/.test(trimmed)) return centred
  return true
}

export function isOrnament(block: Block): boolean {
  if (block.rule) return true
  if (block.heading) return false
  // Images or other content with no text are not ornaments.
  if (block.text === '' ) return false
  return isOrnamentText(block.text, block.centred)
}
