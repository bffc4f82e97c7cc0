import { regexRule } from '../rule.ts'

/**
 * A hyphen with a space before it and a space, a closing mark or the end of
 * the block after it is a typed em dash: `motivation - I can`, a final
 * `misalign -`, `"wait -"`. Hyphens in compounds (`level-headed`) and
 * suspended ones (`pre- and post-natal`) have no space before, so stay.
 */
export const spacedHyphens = regexRule('spaced-hyphens', '-', /-(?<=\S[ \t]+-)(?=[ \t\n\u2028]|$|["'”’)\]])/g, '—')
