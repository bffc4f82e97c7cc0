import type { LintRule } from '../types.ts'
import { ambiguousQuote } from './ambiguous-quote.ts'
import { compoundNumber } from './compound-number.ts'
import { doubleSpace } from './double-space.ts'
import { fusedWords } from './fused-words.ts'
import { mixedSceneBreaks } from './mixed-scene-breaks.ts'
import { punctuationOutsideQuote } from './punctuation-outside-quote.ts'
import { repeatedWord } from './repeated-word.ts'
import { unmatchedQuote } from './unmatched-quote.ts'

/** Every text rule, in catalogue order. */
export const rules: readonly LintRule[] = [
  fusedWords,
  ambiguousQuote,
  unmatchedQuote,
  doubleSpace,
  repeatedWord,
  compoundNumber,
  punctuationOutsideQuote,
  mixedSceneBreaks,
]
