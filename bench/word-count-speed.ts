/**
 * Time the word count alone on a 1,000,000-word book: the sample
 * manuscript's scenes repeated, parsed and typeset first (curly quotes,
 * em dashes, word joiners), not timed. Compares `countWords` with counting
 * every word-like segment of `Intl.Segmenter`, as it did before, and checks
 * that both give the same count.
 *
 *   node src/run-ts.js bench/word-count-speed.ts [words]
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { countWords } from '../src/render/words.ts'
import { repeatedSample } from './lib/sample-text.ts'

const tree = unified().use(remarkParse).parse(repeatedSample(Number(process.argv[2] ?? 1_000_000))) as Root
remarkTypography()(tree)
const characters = tree.children.reduce((sum, node) => sum + toString(node).length, 0)

/** The count as it was: every block's text through the segmenter, in pieces of about 4,000 characters cut at spaces. */
function segmenterCount(trees: Root[], language: string): number {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' })
  let count = 0
  for (const root of trees) {
    for (const node of root.children) {
      if (node.type === 'footnoteDefinition') continue
      const text = toString(node)
      for (let start = 0; start < text.length; ) {
        const space = text.length - start > 4096 ? text.lastIndexOf(' ', start + 4096) : -1
        const end = text.length - start <= 4096 ? text.length : space > start ? space + 1 : start + 4096
        for (const segment of segmenter.segment(text.slice(start, end))) if (segment.isWordLike) count++
        start = end
      }
    }
  }
  return count
}

const RUNS = 7
const time = (count: () => number): { cpu: number; words: number } => {
  let cpu = Infinity
  let words = 0
  for (let run = 0; run < RUNS; run++) {
    const used = process.cpuUsage()
    words = count()
    const spent = process.cpuUsage(used)
    cpu = Math.min(cpu, (spent.user + spent.system) / 1000)
  }
  return { cpu, words }
}
const before = time(() => segmenterCount([tree], 'en'))
const after = time(() => countWords([tree], 'en'))
console.log(
  `${before.words} words, ${(characters / 1e6).toFixed(1)} M characters, best of ${RUNS} runs (CPU): ` +
    `Intl.Segmenter ${before.cpu.toFixed(0)} ms, countWords ${after.cpu.toFixed(0)} ms ` +
    `(${(before.cpu / after.cpu).toFixed(1)}x)` +
    (after.words === before.words ? '' : ` — COUNTS DIFFER: ${after.words}`),
)
