/**
 * Time the typography pass in French against English on the seeded bench
 * book (issue 19: French at most 1.2× the English time). Both books are
 * generated in memory (bench/lib/manuscript.ts: the same shape, French
 * dialogue typed with `- `), each scene parsed once as the build parses it
 * (dialogue dashes on for French), and the pass alone is timed, French and
 * English runs alternating so that load on a shared machine falls on both.
 *
 *   node src/run-ts.js bench/typography-speed-languages.ts [10k|100k|120k|1m] [runs]
 */
import type { Root } from 'mdast'
import { unified } from 'unified'
import { remarkParseProse } from '../src/normalise/parse/plugin.ts'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { generateBook, isSizeName, type BenchLanguage } from './lib/manuscript.ts'

const size = process.argv[2] ?? '100k'
if (!isSizeName(size)) throw new Error(`Unexpected size \`${size}\`, expected 10k, 100k, 120k or 1m`)
const RUNS = Number(process.argv[3] ?? 11)

interface Subject {
  language: BenchLanguage
  words: number
  scenes: string[]
  cpu: number[]
  wall: number[]
}

const subjects: Subject[] = (['en', 'fr'] as const).map((language) => {
  const book = generateBook(size, 1, language)
  return { language, words: book.words, scenes: book.chapters.flatMap((chapter) => chapter.scenes.map((scene) => scene.text)), cpu: [], wall: [] }
})

for (let run = 0; run < RUNS; run++) {
  // Alternate which goes first, so neither always runs warmer.
  const order = run % 2 === 0 ? subjects : [...subjects].reverse()
  for (const subject of order) {
    const parser = unified().use(remarkParseProse, { dialogueDashes: subject.language === 'fr' })
    const trees = subject.scenes.map((scene) => parser.parse(scene) as Root)
    const transform = remarkTypography({ language: subject.language })
    const start = performance.now()
    const used = process.cpuUsage()
    for (const tree of trees) transform(tree)
    const spent = process.cpuUsage(used)
    // The first run of each warms the JIT: not counted.
    if (run === 0) continue
    subject.wall.push(performance.now() - start)
    subject.cpu.push((spent.user + spent.system) / 1000)
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!
const best = (values: number[]): number => Math.min(...values)
for (const subject of subjects) {
  console.log(
    `${subject.language}: ${subject.words} words, ${subject.scenes.length} scenes, ${RUNS - 1} runs: median ${median(subject.cpu).toFixed(0)} ms CPU ` +
      `(best ${best(subject.cpu).toFixed(0)}), median ${median(subject.wall).toFixed(0)} ms wall (best ${best(subject.wall).toFixed(0)})`,
  )
}
const [en, fr] = subjects as [Subject, Subject]
console.log(`fr / en: ${(median(fr.cpu) / median(en.cpu)).toFixed(2)}× (median CPU), ${(best(fr.cpu) / best(en.cpu)).toFixed(2)}× (best CPU)`)
