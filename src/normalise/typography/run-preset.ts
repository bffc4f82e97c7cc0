import type { ResolvedOptions } from './options.ts'
import { preset } from './preset.ts'
import type { TrackedText } from './tracked-text.ts'

/** Run every rule of the preset, in order, on one block's text. */
export function runPreset(input: TrackedText, options: ResolvedOptions): TrackedText {
  let result = input
  for (const rule of preset) result = rule.apply(result, options)
  return result
}
