import type { Rule } from './rule.ts'
import { abbreviationSpaces } from './rules/abbreviation-spaces.ts'
import { dashSpacing } from './rules/dash-spacing.ts'
import { dashWordJoiners } from './rules/dash-word-joiners.ts'
import { ellipses } from './rules/ellipses.ts'
import { ellipsisSpacing } from './rules/ellipsis-spacing.ts'
import { emDashRuns } from './rules/em-dash-runs.ts'
import { enDashRanges } from './rules/en-dash-ranges.ts'
import { horizontalBar } from './rules/horizontal-bar.ts'
import { hyphenRuns } from './rules/hyphen-runs.ts'
import { interruptionDashes } from './rules/interruption-dashes.ts'
import { minusSigns } from './rules/minus-signs.ts'
import { primeSpacing } from './rules/prime-spacing.ts'
import { quoteHairSpaces } from './rules/quote-hair-spaces.ts'
import { quotes } from './rules/quotes.ts'
import { spacedEnDashes } from './rules/spaced-en-dashes.ts'
import { spacedHyphens } from './rules/spaced-hyphens.ts'
import { stripJoiners } from './rules/strip-joiners.ts'
import { timeSpaces } from './rules/time-spaces.ts'
import { wordJoinerVariant } from './rules/word-joiner-variant.ts'

/**
 * The typography pass, in order (after SE's `typogrify`). Each rule sees
 * one block's text, across its inline nodes. Why each step sits where it does:
 */
export const preset: readonly Rule[] = [
  // First: every joiner is set afresh below, so typeset text typesets to itself.
  stripJoiners,
  // Before em-dash-runs: a horizontal bar is an em dash that may join a run.
  horizontalBar,
  emDashRuns,
  // Before spaced-hyphens: ` -- ` must read as one dash, not a spaced hyphen and a stray one.
  hyphenRuns,
  // Before spaced-hyphens and en-dash-spacing: ` – ` between words is an em dash, not a range.
  spacedEnDashes,
  // Before spaced-hyphens: `5 - 2` is subtraction, not a parenthetical dash.
  minusSigns,
  spacedHyphens,
  enDashRanges,
  // After every dash exists: strip the spaces typed around them.
  dashSpacing,
  // Before quotes: `wait..."` then shows the quote after punctuation.
  ellipses,
  // After dashes: a quote after an em dash is decided by what follows it (`—"Go` opens, `wait—"` closes).
  quotes,
  // After quotes: primes exist only once quotes are decided.
  primeSpacing,
  quoteHairSpaces,
  // After quotes: the space after an ellipsis depends on closing (”) versus opening (“) marks.
  ellipsisSpacing,
  // After quotes: an interruption is recognised by the closing mark after it.
  interruptionDashes,
  // After dash-spacing and interruption-dashes: joiners go next to the final dashes with the spaces gone.
  dashWordJoiners,
  abbreviationSpaces,
  timeSpaces,
  // Last: every rule above writes U+2060; the variant swaps them all at once.
  wordJoinerVariant,
]
