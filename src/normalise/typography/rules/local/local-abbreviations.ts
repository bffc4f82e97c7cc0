import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

const cache = new Map<readonly string[], RegExp>()
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Abbreviations of the language, from its reference: one that names the
 * next word is tied to it (`M. Dupont`, `Mme Bovary`, `Sr. García`), one
 * made of parts has its inner spaces tied (`z. B.`, `т. д.`), with the
 * space the language asks (Duden: narrow; elsewhere no-break).
 */
export const localAbbreviations: Rule = {
  name: 'local-abbreviations',
  trigger: ' ',
  apply(input, options) {
    const abbreviations = options.profile.abbreviations
    if (!abbreviations) return input
    let pattern = cache.get(abbreviations.words)
    if (!pattern) {
      const words = [...abbreviations.words].sort((a, b) => b.length - a.length).map((word) => escape(word).replace(/ /g, '[ \\t\\u00A0\\u202F]+'))
      pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?:[ \\t]+(?=[\\p{L}\\p{N}«„"]))?`, 'gu')
      cache.set(abbreviations.words, pattern)
    }
    const { space } = abbreviations
    return replaceAll(input, pattern, (match) => {
      const word = match[0].trimEnd()
      const inner = word.replace(/[ \t\u00A0\u202F]+/g, space)
      // A compound (`z. B.`) is tied inside; a title (`M.`) to the name after it.
      const compound = inner !== word || abbreviations.words.some((entry) => entry.includes(' ') && entry.replace(/ /g, space) === inner)
      if (compound) return inner + match[0].slice(word.length)
      return match[0].length > word.length ? inner + '\u00A0' : inner
    })
  },
}
