import type { Nodes, Root } from 'mdast'

/**
 * A noncharacter stands in for the first `-` of a line of dialogue while
 * the Markdown is parsed, so that `- Rien, répondit-elle.` is not read as a
 * list item (and its dash lost). One character for one: every position in
 * the tree stays right. Never used when the text holds the stand-in itself.
 */
const STAND_IN = '\uFDD0'

/**
 * A line that starts (up to three spaces in) with `-`, `--` or `---`, then
 * a space and something, which is not a thematic break (`- - -`).
 */
const DIALOGUE_LINE = /^( {0,3})-(?=-{0,2}[ \t]+(.*)$)/gm

/** The text with each dialogue line's first dash swapped for the stand-in, or undefined when there is none. */
export function protectDialogue(text: string): string | undefined {
  if (!text.includes('-') || text.includes(STAND_IN)) return undefined
  let changed = false
  const protectedText = text.replace(DIALOGUE_LINE, (match: string, indent: string, rest: string) => {
    if (/^[-\s*_]*$/.test(rest)) return match
    changed = true
    return `${indent}${STAND_IN}`
  })
  return changed ? protectedText : undefined
}

/** Put the dashes back in every value of the tree (text, code, HTML); walked with a stack, as the tree may nest deeper than the call stack goes. */
export function restoreDialogue(tree: Root): void {
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('value' in node && typeof node.value === 'string' && node.value.includes(STAND_IN)) node.value = node.value.replaceAll(STAND_IN, '-')
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
