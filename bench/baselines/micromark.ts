/**
 * Parsing only, as issue 6 measured it: every text of the manuscript
 * through micromark into an mdast tree (mdast-util-from-markdown), and
 * nothing else. Writes nothing.
 *
 *   node bench/out/baselines/micromark.mjs MANUSCRIPT
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import { markdownTexts } from './texts.ts'

const [folder] = process.argv.slice(2)
if (!folder) {
  console.error('Usage: node micromark.mjs MANUSCRIPT')
  process.exit(2)
}

let nodes = 0
for (const { markdown } of await markdownTexts(folder)) nodes += fromMarkdown(markdown).children.length
// Printed, so the parse cannot be optimised away and a reader sees it worked.
console.error(`${nodes} blocks`)
