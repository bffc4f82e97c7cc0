import type { Rule } from '../rule.ts'
import { replaceAll } from '../tracked-text.ts'

/**
 * Runs of spaces or tabs between words are one space, as a browser shows
 * them anyway (SE's typogrify removes them too); `colophon lint` still
 * reports them in the source (T004).
 */
export const spaceRuns: Rule = {
  name: 'space-runs',
  trigger: ' \t',
  apply(input) {
    if (!input.text.includes('  ') && !input.text.includes('\t')) return input
    return replaceAll(input, /(?<=\S)[ \t]{2,}(?=\S)|(?<=\S)\t(?=\S)/g, ' ')
  },
}
