/**
 * The one rule for a scene-break ornament, shared by every reader: a line of
 * plain text or Markdown, a DOCX or EPUB paragraph, an HTML block. Writers
 * type `* * *`, `***`, `#`, `###`, `+++`, `§`, `---`, `~*~`, lines of
 * underscores, tildes or equals signs, dingbats (`⁂`, `❧`), and the letter
 * ornaments fan fiction uses (`. o .`, `o0o`, `oOo`, `xXx`, `-x-`). A blank
 * line alone is never a break: plain text separates every paragraph so.
 * `centred`: the source sets the text on its own, centred (DOCX, HTML,
 * EPUB), which makes a lone `o`, `…` or `—` an ornament too.
 */
const PUNCTUATION_ONLY = /^(?:[*#+~§•·=_.…|/\\\-–—⁂❧❦☙✦✧✶✻⁕◆◇❖○●°※]\s*)+$/u
/** Marks that alone, uncentred, are more likely a cut-off line or a pause than an ornament. */
const LONE_MARK = /^(?:[-–—~=]|[.…]{1,3})$/
/** Letters o and x, zeros, punctuation and spaces, nothing else. */
const ORNAMENT_CHARS = /^[oOxX0\s\p{P}\p{S}]+$/u
/** Letters alone, in the alternating shapes no word has: o0o, oOo, OoO, xXx, XxX, oxo, xox, 0o0, and a few of them spaced. */
const LETTERS_ALONE = /^(?:o0o|0o0|oOo|OoO|xXx|XxX|oxo|xox|OxO|XoX)+$|^(?:oOo|xXx|o0o)(?:\s+(?:oOo|xXx|o0o))+$/
/** A paragraph of quotation marks is a line of dialogue, however short. */
const QUOTES = /["'“”‘’«»„]/

/** No letter the same as the one before it: `oOo` and `o0o` are ornaments, `Ooo!` is a word. */
function alternates(run: string): boolean {
  for (let i = 1; i < run.length; i++) if (run[i] === run[i - 1]) return false
  return true
}

export function isSceneBreak(line: string, centred = false): boolean {
  const text = line.trim()
  if (text === '' || text.length > 40 || QUOTES.test(text)) return false
  if (PUNCTUATION_ONLY.test(text)) return centred || !LONE_MARK.test(text)
  if (LETTERS_ALONE.test(text)) return true
  // A lone `o` or `O` centred on its page is an ornament; typed in a line, a word ("O Captain").
  if (/^[oO]$/.test(text)) return centred
  // Letters with punctuation around or between them (`. o .`, `-x-`, `~o~`): checked
  // piece by piece, since one pattern nesting repeats backtracks exponentially here.
  if (!ORNAMENT_CHARS.test(text) || !/[^oOxX0\s]/.test(text)) return false
  const runs = text.match(/[oOxX0]+/g) ?? []
  return runs.length > 0 && runs.every(alternates)
}
