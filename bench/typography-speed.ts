/**
 * Time the typography pass alone on a 1,000,000-word book: the sample
 * manuscript's scenes repeated. Parsing is done first and not timed.
 *
 *   node src/run-ts.js bench/typography-speed.ts [words]
 */
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { repeatedSample } from './lib/sample-text.ts'

const text = repeatedSample(Number(process.argv[2] ?? 1_000_000))

const parser = unified().use(remarkParse)
const transform = remarkTypography()
// Wall time suffers when other processes share the cores; CPU time (user +
// system, this process only) is the figure to compare with the budget.
const wall: number[] = []
const cpu: number[] = []
const RUNS = 9
for (let run = 0; run < RUNS; run++) {
  const tree = parser.parse(text) as Root
  const start = performance.now()
  const used = process.cpuUsage()
  transform(tree)
  const spent = process.cpuUsage(used)
  wall.push(performance.now() - start)
  cpu.push((spent.user + spent.system) / 1000)
}
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b)
const median = (values: number[]): string => sorted(values)[RUNS >> 1]!.toFixed(0)
const best = (values: number[]): string => sorted(values)[0]!.toFixed(0)
console.log(
  `${text.split(/\s+/).filter(Boolean).length} words, ${(text.length / 1e6).toFixed(1)} MB, ${RUNS} runs: typography pass ` +
    `median ${median(cpu)} ms CPU (best ${best(cpu)}), median ${median(wall)} ms wall (best ${best(wall)})`,
)
