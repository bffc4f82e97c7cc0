import type { Rule } from './rule.ts'
import { enDashRanges } from './rules/en-dash-ranges.ts'
import { fractions } from './rules/fractions.ts'
import { horizontalBar } from './rules/horizontal-bar.ts'
import { hyphenRuns } from './rules/hyphen-runs.ts'
import { attachedEllipses } from './rules/local/attached-ellipses.ts'
import { boundWords } from './rules/local/bound-words.ts'
import { cjkDashes } from './rules/local/cjk-dashes.ts'
import { cjkPunctuation } from './rules/local/cjk-punctuation.ts'
import { dialogueOpening } from './rules/local/dialogue-opening.ts'
import { hourSpaces } from './rules/local/hour-spaces.ts'
import { initials } from './rules/local/initials.ts'
import { localAbbreviations } from './rules/local/local-abbreviations.ts'
import { localQuotes } from './rules/local/local-quotes.ts'
import { plainEllipses } from './rules/local/plain-ellipses.ts'
import { punctuationSpaces } from './rules/local/punctuation-spaces.ts'
import { quoteSpaces } from './rules/local/quote-spaces.ts'
import { raya } from './rules/local/raya.ts'
import { sentenceDashes } from './rules/local/sentence-dashes.ts'
import { minusSigns } from './rules/minus-signs.ts'
import { narrowSpaceVariant } from './rules/local/narrow-space-variant.ts'
import { spaceRuns } from './rules/space-runs.ts'
import { stripJoiners } from './rules/strip-joiners.ts'
import { yearRanges } from './rules/year-ranges.ts'

/**
 * The pass for every language but English (English keeps `preset.ts`, the
 * Standard Ebooks rules). One list for all: each rule reads what the
 * language asks from its row in `languages/table.ts` and does nothing when
 * the row has no such field. Why each step sits where it does:
 */
export const localPreset: readonly Rule[] = [
  // First: joiners are not set by these rules, but typeset text must typeset to itself.
  stripJoiners,
  spaceRuns,
  horizontalBar,
  // Before hyphen-runs: Chinese and Japanese take `——` for any typed dash run.
  cjkDashes,
  hyphenRuns,
  // Before minus-signs and the dash rules: `1914 - 1918` is a range, `5 - 2` a subtraction.
  yearRanges,
  minusSigns,
  // Before the sentence dashes: the opening dash of a line of dialogue says which dash the rest takes.
  dialogueOpening,
  sentenceDashes,
  enDashRanges,
  fractions,
  plainEllipses,
  attachedEllipses,
  // After the dashes: a quote after a dash opens (`— "Allez`).
  localQuotes,
  // After quotes: a raya opens an aside before a word or an opening mark, which must be decided by then.
  raya,
  // After quotes: the spaces go inside the marks the quotes rule wrote.
  quoteSpaces,
  punctuationSpaces,
  cjkPunctuation,
  localAbbreviations,
  initials,
  // After abbreviations and initials, which may end in a one-letter word (`т. д.`).
  boundWords,
  hourSpaces,
  // Last: every rule above may write U+202F; the variant swaps them all at once.
  narrowSpaceVariant,
]
