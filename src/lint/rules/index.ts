import type { LintRule } from '../types.ts'
import { ambiguousQuote } from './ambiguous-quote.ts'
import { compoundNumber } from './compound-number.ts'
import { doubleSpace } from './double-space.ts'
import { fusedWords } from './fused-words.ts'
import { mixedSceneBreaks } from './mixed-scene-breaks.ts'
import { punctuationOutsideQuote } from './punctuation-outside-quote.ts'
import { repeatedWord } from './repeated-word.ts'
import { unmatchedQuote } from './unmatched-quote.ts'
import { dashList } from './dash-list.ts'

/** The rules that read one file at a time, in catalogue order. */
export const textRules: readonly LintRule[] = [
  fusedWords,
  ambiguousQuote,
  unmatchedQuote,
  doubleSpace,
  repeatedWord,
  compoundNumber,
  punctuationOutsideQuote,
  dashList,
]

/** Every text rule: the above, then T008, which compares the whole book's scene breaks. */
export const rules: readonly LintRule[] = [...textRules, mixedSceneBreaks]
