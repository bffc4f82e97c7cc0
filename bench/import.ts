/**
 * Import benchmark: building a story that arrives as one plain-text file
 * against building the same text from its manuscript folder, by turns.
 *
 *   npm run bench:import                      # 120k and 1m, 5 pairs each
 *   npm run bench:import -- --sizes 120k --runs 3
 *
 * Issue 18's bars: a 1M-word plain text at most 2× its folder build; a
 * 120,000-word novel in plain text an EPUB in under 1 s. Prints a Markdown
 * table on standard output, progress on standard error.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateBook, isSizeName, plainText, type SizeName } from './lib/manuscript.ts'
import { writeManuscript } from './lib/write.ts'
import { detectMethod, measure, type Sample } from './lib/measure.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = 'bench/out/import'

const build = (input: string, epub: string): string[] => ['node', 'src/bin.js', 'build', input, '--out', epub, '--no-cache']

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

async function prepare(size: SizeName, seed: number): Promise<{ folder: string; text: string }> {
  const folder = `${outDir}/${size}`
  const text = `${outDir}/${size}.txt`
  if (!existsSync(join(root, text)) || !existsSync(join(root, folder, 'book.yaml'))) {
    process.stderr.write(`generating ${size}\n`)
    await mkdir(join(root, outDir), { recursive: true })
    await writeManuscript(join(root, folder), size, seed)
    await writeFile(join(root, text), plainText(generateBook(size, seed)))
  }
  return { folder, text }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { sizes: { type: 'string', default: '120k,1m' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } } })
  const sizes = values.sizes.split(',').filter(isSizeName)
  const runs = Number(values.runs)
  const method = detectMethod()
  const lines = ['| size | from its folder (median s) | from one .txt (median s) | ratio | peak MiB (.txt) | pairs |', '| --- | ---: | ---: | ---: | ---: | ---: |']
  for (const size of sizes) {
    const { folder, text } = await prepare(size, Number(values.seed))
    const folderRuns: Sample[] = []
    const textRuns: Sample[] = []
    for (let run = 1; run <= runs; run++) {
      const a = await measure(build(folder, `${outDir}/${size}.folder.epub`), root, method)
      const b = await measure(build(text, `${outDir}/${size}.text.epub`), root, method)
      if (!a.ok || !b.ok) {
        process.stderr.write(`${size}: failed: ${a.error ?? b.error ?? ''}\n`)
        return 1
      }
      folderRuns.push(a)
      textRuns.push(b)
      process.stderr.write(`  ${size} pair ${run}/${runs}: folder ${a.wallS.toFixed(2)} s, text ${b.wallS.toFixed(2)} s\n`)
    }
    const folderS = median(folderRuns.map((sample) => sample.wallS))
    const textS = median(textRuns.map((sample) => sample.wallS))
    const peak = textRuns.map((sample) => sample.peakRssMiB).filter((value): value is number => value !== undefined)
    lines.push(`| ${size} | ${folderS.toFixed(2)} | ${textS.toFixed(2)} | ${(textS / folderS).toFixed(2)}× | ${peak.length > 0 ? median(peak).toFixed(0) : '–'} | ${runs} |`)
  }
  console.log(`# Import benchmark\n\n\`colophon build SIZE.txt\` against \`colophon build SIZE/\` (the same generated text), both \`--no-cache\`, by turns.\n\n${lines.join('\n')}`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
