import type { Rule } from './rule.ts'
import { abbreviationSpaces } from './rules/abbreviation-spaces.ts'
import { ampersandSpaces } from './rules/ampersand-spaces.ts'
import { commaDashes } from './rules/comma-dashes.ts'
import { dashSpacing } from './rules/dash-spacing.ts'
import { dashWordJoiners } from './rules/dash-word-joiners.ts'
import { ellipses } from './rules/ellipses.ts'
import { ellipsisSpacing } from './rules/ellipsis-spacing.ts'
import { emDashRuns } from './rules/em-dash-runs.ts'
import { enDashRanges } from './rules/en-dash-ranges.ts'
import { fractions } from './rules/fractions.ts'
import { horizontalBar } from './rules/horizontal-bar.ts'
import { hyphenRuns } from './rules/hyphen-runs.ts'
import { interruptionDashes } from './rules/interruption-dashes.ts'
import { latinisms } from './rules/latinisms.ts'
import { minusSigns } from './rules/minus-signs.ts'
import { primeSpacing } from './rules/prime-spacing.ts'
import { quoteHairSpaces } from './rules/quote-hair-spaces.ts'
import { quotes } from './rules/quotes.ts'
import { spaceRuns } from './rules/space-runs.ts'
import { spacedEnDashes } from './rules/spaced-en-dashes.ts'
import { spacedHyphens } from './rules/spaced-hyphens.ts'
import { stripJoiners } from './rules/strip-joiners.ts'
import { timeSpaces } from './rules/time-spaces.ts'
import { yearRanges } from './rules/year-ranges.ts'
import { wordFinalHyphens } from './rules/word-final-hyphens.ts'
import { wordJoinerVariant } from './rules/word-joiner-variant.ts'

/**
 * The typography pass, in order (after SE's `typogrify`). Each rule sees
 * one block's text, across its inline nodes. Why each step sits where it does:
 */
export const preset: readonly Rule[] = [
  // First: every joiner is set afresh below, so typeset text typesets to itself.
  stripJoiners,
  // Before every rule that reads spaces: `a  -  b` is then `a - b`.
  spaceRuns,
  // Before em-dash-runs: a horizontal bar is an em dash that may join a run.
  horizontalBar,
  emDashRuns,
  // Before spaced-hyphens: ` -- ` must read as one dash, not a spaced hyphen and a stray one.
  hyphenRuns,
  // Before spaced-hyphens and en-dash-spacing: ` – ` between words is an em dash, not a range.
  spacedEnDashes,
  // Before minus-signs and spaced-hyphens: `1914 - 1918` is a range, not a subtraction or a parenthetical dash.
  yearRanges,
  // Before spaced-hyphens: `5 - 2` is subtraction, not a parenthetical dash.
  minusSigns,
  spacedHyphens,
  // After spaced-hyphens and minus-signs, which handle a hyphen with a space before it; before quotes, which read the dash.
  wordFinalHyphens,
  enDashRanges,
  // After en-dash-ranges: `1/2-3/4` keeps its range; before dash-word-joiners, which joins the glyphs' dash.
  fractions,
  // After every dash exists: strip the spaces typed around them, and the archaic comma before one.
  dashSpacing,
  commaDashes,
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
  // After latinisms: `i.e.` is then one token, and no abbreviation takes its space.
  latinisms,
  abbreviationSpaces,
  timeSpaces,
  ampersandSpaces,
  // Last: every rule above writes U+2060; the variant swaps them all at once.
  wordJoinerVariant,
]
