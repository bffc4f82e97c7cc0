import type { Point } from 'unist'
import { emphasisReason, findDeepEmphasis } from './emphasis-depth.ts'
import { findTooDeep, MAX_NESTING } from './nesting.ts'

/**
 * Why a text is too deep to parse, and where, or undefined: block quotes,
 * lists and HTML elements first (nesting.ts), then emphasis and the labels
 * of links and images (emphasis-depth.ts). Checked before any parser reads
 * the text, by the build (plugin.ts) and the import of a story file
 * (import/too-deep.ts), since too deep a text would take micromark minutes
 * or overflow the stack of a tree walk. `what` names the text in the
 * reason ("text", "file").
 */
export function tooDeepToParse(text: string, what: string): { reason: string; place: Point } | undefined {
  const deep = findTooDeep(text)
  if (deep) {
    const nested = deep.kind === 'html' ? 'HTML elements' : 'block quotes and lists'
    return { reason: `Unexpected nesting of ${nested} ${deep.depth} levels deep, expected at most ${MAX_NESTING} levels; the ${what} is left unread`, place: deep.place }
  }
  const emphasis = findDeepEmphasis(text)
  return emphasis && { reason: emphasisReason(emphasis, what), place: emphasis.place }
}
