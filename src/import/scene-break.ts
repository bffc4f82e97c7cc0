/**
 * A line that is only a scene-break marker, as writers type them in plain
 * text: `* * *`, `***`, `#`, `###`, `+++`, `§`, `---`, `~*~`, lines of
 * underscores, tildes or equals signs, and the letter ornaments fan fiction
 * uses (`. o .`, `o0o`, `oOo`, `xXx`, `-x-`). A blank line alone is never a
 * break: plain text separates every paragraph so.
 */
const PUNCTUATION_ONLY = /^(?:[*#+~§•·=_\-–—⁂❧☙✦◆◇○●]\s*)+$/u
/** Letters o/x and zeros with punctuation around or between them (`. o .`, `-x-`, `~o~`). */
const LETTER_ORNAMENT = /^(?=.*[^oOxX0\s])[^\p{L}\p{N}\s]*(?:\s*[oOxX0]+\s*[^\p{L}\p{N}\s]*)+$/u
/** Letters alone, in the alternating shapes no word has: o0o, oOo, OoO, xXx, XxX, oxo, xox, 0o0. */
const LETTERS_ALONE = /^(?:o0o|0o0|oOo|OoO|xXx|XxX|oxo|xox|OxO|XoX)+$|^(?:oOo|xXx|o0o)(?:\s+(?:oOo|xXx|o0o))+$/

export function isSceneBreak(line: string): boolean {
  const text = line.trim()
  if (text === '' || text.length > 40) return false
  if (PUNCTUATION_ONLY.test(text)) {
    // A lone `-` or `~` is more likely a cut-off line than an ornament.
    return !/^[-–—~=]$/.test(text)
  }
  return LETTER_ORNAMENT.test(text) || LETTERS_ALONE.test(text)
}
