import type { Rule } from '../../rule.ts'
import { replaceAll } from '../../tracked-text.ts'

/**
 * Chinese and Japanese set a dash two ems long, `——` (GB/T 15834-2011 4.9;
 * JIS X 4051 ――), and an ellipsis six dots, `……` (GB/T 4.11): typed
 * `--`, `—`, `...` or `…` become the pair. No spaces are added around them.
 */
export const cjkDashes: Rule = {
  name: 'cjk-dashes',
  trigger: '-—―⸺.…',
  apply(input, options) {
    if (!options.profile.cjk) return input
    const dashed = replaceAll(input, /-{2,}|[—―]{1,2}|⸺/g, '——')
    return replaceAll(dashed, /(?:\.(?:[ \t]?\.){2}|…){1,2}/g, '……')
  },
}
