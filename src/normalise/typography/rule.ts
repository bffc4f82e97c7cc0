import type { ResolvedOptions } from './options.ts'
import { replaceAll, type Replacer, type TrackedText } from './tracked-text.ts'

/** One step of the preset: a pure function of a block's text. */
export interface Rule {
  readonly name: string
  apply(input: TrackedText, options: ResolvedOptions): TrackedText
}

/**
 * A rule that is one global regex replacement. `trigger` is a cheap
 * test (characters the pattern cannot match without): blocks lacking all
 * of them skip the regex entirely, which is most blocks for most rules.
 */
export function regexRule(name: string, trigger: string, pattern: RegExp, replace: string | Replacer): Rule {
  if (!pattern.global) throw new Error(`Rule \`${name}\` needs a global pattern`)
  return {
    name,
    apply(input) {
      if (!hasAny(input.text, trigger)) return input
      return replaceAll(input, pattern, replace)
    },
  }
}

function hasAny(text: string, characters: string): boolean {
  for (const character of characters) if (text.includes(character)) return true
  return false
}
