import { localPreset } from './local-preset.ts'
import type { ResolvedOptions } from './options.ts'
import { preset } from './preset.ts'
import type { Rule } from './rule.ts'
import type { TrackedText } from './tracked-text.ts'

type Runner = (input: TrackedText, options: ResolvedOptions) => TrackedText

/**
 * Every trigger character of a preset gets one bit. A block's text is
 * scanned once into a bit set of the characters it holds (again only after
 * a rule changed it), and a rule runs only when its bits meet that set: one
 * cheap scan instead of a search per rule per block. Lookups are two flat
 * tables (ASCII, and U+2000–U+2FFF where the dashes, quotes and joiners
 * are) and a map for the few others.
 */
function compile(rules: readonly Rule[]): Runner {
  const bits = new Map<number, number>()
  for (const rule of rules) {
    for (const character of rule.trigger ?? '') {
      const code = character.charCodeAt(0)
      if (!bits.has(code)) bits.set(code, 1 << bits.size)
    }
  }
  if (bits.size > 31) throw new Error('Too many trigger characters for one bit set')

  const ascii = new Uint32Array(128)
  const punctuationBlock = new Uint32Array(0x1000)
  const others = new Map<number, number>()
  for (const [code, bit] of bits) {
    if (code < 128) ascii[code] = bit
    else if (code >= 0x2000 && code < 0x3000) punctuationBlock[code - 0x2000] = bit
    else others.set(code, bit)
  }

  const masks: ReadonlyMap<Rule, number> = new Map(
    rules.map((rule) => [rule, rule.trigger === undefined ? -1 : [...rule.trigger].reduce((mask, character) => mask | bits.get(character.charCodeAt(0))!, 0)]),
  )

  const present = (text: string): number => {
    let mask = 0
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code < 128) mask |= ascii[code]!
      else if (code >= 0x2000 && code < 0x3000) mask |= punctuationBlock[code - 0x2000]!
      else if (others.size > 0) mask |= others.get(code) ?? 0
    }
    return mask
  }

  return (input, options) => {
    let result = input
    let holds = present(result.text)
    for (const rule of rules) {
      const mask = masks.get(rule)!
      if (mask !== -1 && (mask & holds) === 0) continue
      const next = rule.apply(result, options)
      if (next !== result) {
        result = next
        holds = present(result.text)
      }
    }
    return result
  }
}

const english = compile(preset)
const local = compile(localPreset)

/** Run the preset of the options' language, in order, on one block's text. */
export function runPreset(input: TrackedText, options: ResolvedOptions): TrackedText {
  return options.profile.english ? english(input, options) : local(input, options)
}
