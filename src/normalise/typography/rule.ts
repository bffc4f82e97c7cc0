import type { ResolvedOptions } from './options.ts'
import { replaceAll, type Replacer, type TrackedText } from './tracked-text.ts'

/** One step of the preset: a pure function of a block's text. */
export interface Rule {
  readonly name: string
  /**
   * Characters the rule cannot act without (any one will do). The preset
   * runner skips the rule for a block that has none of them, which is most
   * blocks for most rules. Absent: the rule always runs.
   */
  readonly trigger?: string
  apply(input: TrackedText, options: ResolvedOptions): TrackedText
}

/** A rule that is one global regex replacement, run only on blocks holding a `trigger` character. */
export function regexRule(name: string, trigger: string, pattern: RegExp, replace: string | Replacer): Rule {
  if (!pattern.global) throw new Error(`Rule \`${name}\` needs a global pattern`)
  if (trigger.length === 0) throw new Error(`Rule \`${name}\` needs trigger characters`)
  return {
    name,
    trigger,
    apply(input) {
      return replaceAll(input, pattern, replace)
    },
  }
}
