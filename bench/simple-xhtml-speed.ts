/**
 * Time `toXhtmlParts` against `simpleXhtmlParts` over every text of a
 * generated manuscript (default: the 1,000,000-word bench book). Parsing and
 * normalising are done once first and not timed.
 *
 *   npx tsx bench/generate.ts --size 1m --seed 1 --out bench/out/1m
 *   node src/run-ts.js bench/simple-xhtml-speed.ts [bench/out/1m] [runs]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { createNormaliser, normaliseFile, type Text } from '../src/normalise/index.ts'
import { labelsFor } from '../src/render/labels.ts'
import { simpleXhtmlParts } from '../src/render/simple-xhtml.ts'
import { toXhtmlParts, type XhtmlOptions, type XhtmlParts } from '../src/render/to-xhtml.ts'

const folder = process.argv[2] ?? 'bench/out/1m'
const RUNS = Number(process.argv[3] ?? 5)
const processor = createNormaliser()
const paths = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .sort()
const texts: Text[] = paths.map((path) => normaliseFile(new VFile({ path, value: readFileSync(join(folder, path), 'utf8') }), processor))
const label = labelsFor('en').sceneBreak
const options = (text: Text): XhtmlOptions => ({ sceneBreakLabel: label, file: text.file, images: new Map(), notes: { prefix: '', next: 1 } })

type Render = (text: Text) => XhtmlParts
const full: Render = (text) => toXhtmlParts(text.tree, options(text))
const fast: Render = (text) => simpleXhtmlParts(text.tree, options(text)) ?? toXhtmlParts(text.tree, options(text))

// CPU time (user + system, this process) is the figure to compare with the budget; wall time suffers when the cores are shared.
function time(render: Render): { cpu: number; wall: number; bytes: number } {
  const start = performance.now()
  const used = process.cpuUsage()
  let bytes = 0
  for (const text of texts) bytes += render(text).body.length
  const spent = process.cpuUsage(used)
  return { cpu: (spent.user + spent.system) / 1000, wall: performance.now() - start, bytes }
}

// Checked after the timed runs, so that the first run of each is a cold one, as in a worker.
const accepted = () => texts.filter((text) => simpleXhtmlParts(text.tree, options(text)) !== undefined).length
const same = () => texts.every((text) => JSON.stringify(full(text)) === JSON.stringify(fast(text)))
const results = { full: [] as Array<ReturnType<typeof time>>, fast: [] as Array<ReturnType<typeof time>> }
for (let run = 0; run < RUNS; run++) {
  results.full.push(time(full))
  results.fast.push(time(fast))
}
const best = (list: Array<ReturnType<typeof time>>, key: 'cpu' | 'wall'): number => Math.min(...list.map((entry) => entry[key]))
console.log(`${texts.length} texts, ${accepted()} taken by the fast path, output identical: ${same()}, ${RUNS} runs, best of each:`)
for (const name of ['full', 'fast'] as const) {
  const first = results[name][0]!
  console.log(
    `  ${name === 'full' ? 'toXhtmlParts' : 'simpleXhtmlParts, falling back'}: ${best(results[name], 'cpu').toFixed(0)} ms CPU, ${best(results[name], 'wall').toFixed(0)} ms wall; ` +
      `first (cold) run ${first.cpu.toFixed(0)} ms CPU, ${first.wall.toFixed(0)} ms wall; ${(first.bytes / 1e6).toFixed(1)} MB of XHTML`,
  )
}
console.log(`  speedup ${(best(results.full, 'cpu') / best(results.fast, 'cpu')).toFixed(1)}x (CPU)`)
