import type { ResolvedOptions } from './options.ts'
import { preset } from './preset.ts'
import type { Rule } from './rule.ts'
import type { TrackedText } from './tracked-text.ts'

/**
 * Every trigger character of the preset gets one bit. A block's text is
 * scanned once into a bit set of the characters it holds (again only after
 * a rule changed it), and a rule runs only when its bits meet that set: one
 * cheap scan instead of a search per rule per block. Lookups are two flat
 * tables (ASCII, and U+2000–U+2FFF where the dashes, quotes and joiners
 * are) and a map for the few others.
 */
const bits = new Map<number, number>()
for (const rule of preset) {
  for (const character of rule.trigger ?? '') {
    const code = character.charCodeAt(0)
    if (!bits.has(code)) bits.set(code, 1 << bits.size)
  }
}
if (bits.size > 31) throw new Error('Too many trigger characters for one bit set')

const ASCII = new Uint32Array(128)
const PUNCTUATION_BLOCK = new Uint32Array(0x1000)
const OTHERS = new Map<number, number>()
for (const [code, bit] of bits) {
  if (code < 128) ASCII[code] = bit
  else if (code >= 0x2000 && code < 0x3000) PUNCTUATION_BLOCK[code - 0x2000] = bit
  else OTHERS.set(code, bit)
}

const masks: ReadonlyMap<Rule, number> = new Map(
  preset.map((rule) => [rule, rule.trigger === undefined ? -1 : [...rule.trigger].reduce((mask, character) => mask | bits.get(character.charCodeAt(0))!, 0)]),
)

function present(text: string): number {
  let mask = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 128) mask |= ASCII[code]!
    else if (code >= 0x2000 && code < 0x3000) mask |= PUNCTUATION_BLOCK[code - 0x2000]!
    else if (OTHERS.size > 0) mask |= OTHERS.get(code) ?? 0
  }
  return mask
}

/** Run every rule of the preset, in order, on one block's text. */
export function runPreset(input: TrackedText, options: ResolvedOptions): TrackedText {
  let result = input
  let holds = present(result.text)
  for (const rule of preset) {
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
