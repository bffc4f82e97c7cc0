import { regexRule } from '../rule.ts'

/** Remove every word joiner (either flavour): later rules set them afresh, which keeps the pass idempotent. */
export const stripJoiners = regexRule('strip-joiners', '\u2060\uFEFF', /[\u2060\uFEFF]/g, '')
