/**
 * A line that is only a scene-break marker, as writers type them in plain
 * text: `* * *`, `***`, `#`, `###`, `+++`, `§`, `---`, `~*~`, lines of
 * underscores, tildes or equals signs, and the letter ornaments fan fiction
 * uses (`. o .`, `o0o`, `oOo`, `xXx`, `-x-`). A blank line alone is never a
 * break: plain text separates every paragraph so.
 */
const PUNCTUATION_ONLY = /^(?:[*#+~§•·=_\-–—⁂❧☙✦◆◇○●]\s*)+$/u
/** Letters o and x, zeros, punctuation and spaces, nothing else. */
const ORNAMENT_CHARS = /^[oOxX0\s\p{P}\p{S}]+$/u
/** Letters alone, in the alternating shapes no word has: o0o, oOo, OoO, xXx, XxX, oxo, xox, 0o0, and a few of them spaced. */
const LETTERS_ALONE = /^(?:o0o|0o0|oOo|OoO|xXx|XxX|oxo|xox|OxO|XoX)+$|^(?:oOo|xXx|o0o)(?:\s+(?:oOo|xXx|o0o))+$/

/** No letter the same as the one before it: `oOo` and `o0o` are ornaments, `Ooo!` is a word. */
function alternates(run: string): boolean {
  for (let i = 1; i < run.length; i++) if (run[i] === run[i - 1]) return false
  return true
}

export function isSceneBreak(line: string): boolean {
  const text = line.trim()
  if (text === '' || text.length > 40) return false
  if (PUNCTUATION_ONLY.test(text)) {
    // A lone `-` or `~` is more likely a cut-off line than an ornament.
    return !/^[-–—~=]$/.test(text)
  }
  if (LETTERS_ALONE.test(text)) return true
  // Letters with punctuation around or between them (`. o .`, `-x-`, `~o~`): checked
  // piece by piece, since one pattern nesting repeats backtracks exponentially here.
  if (!ORNAMENT_CHARS.test(text) || !/[^oOxX0\s]/.test(text)) return false
  const runs = text.match(/[oOxX0]+/g) ?? []
  return runs.length > 0 && runs.every(alternates)
}
