/**
 * Time the typography pass alone on a 1,000,000-word book: the sample
 * manuscript's scenes repeated. Parsing is done first and not timed.
 *
 *   node src/run-ts.js bench/typography-speed.ts [words]
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { remarkTypography } from '../src/normalise/typography/index.ts'

const target = Number(process.argv[2] ?? 1_000_000)
const dir = 'manuscript/chapters/01-prologue'
const source = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(join(dir, name), 'utf8'))
  .join('\n\n')
const perCopy = source.split(/\s+/).filter(Boolean).length
const copies = Math.ceil(target / perCopy)
const text = Array.from({ length: copies }, () => source).join('\n\n')

const parser = unified().use(remarkParse)
const transform = remarkTypography()
const runs: number[] = []
for (let run = 0; run < 5; run++) {
  const tree = parser.parse(text) as Root
  const start = performance.now()
  transform(tree)
  runs.push(performance.now() - start)
}
runs.sort((a, b) => a - b)
console.log(`${copies * perCopy} words, ${(text.length / 1e6).toFixed(1)} MB: typography pass median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)})`)
