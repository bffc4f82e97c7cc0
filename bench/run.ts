/**
 * The build benchmark: colophon against pandoc on the same synthetic books.
 *
 *   npm run bench                       # 10k, 100k, 1m words, 5 runs each
 *   npm run bench -- --sizes 10k,100k --runs 3
 *   npm run bench -- --smoke            # 10k, 1 run, colophon only
 *
 * Progress goes to stderr and the Markdown report to stdout, so
 * `npm run bench > bench/RESULTS.md` records results with their machine.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, platform, release, arch, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isSizeName, pandocMarkdown, sizes, type SizeName } from './lib/manuscript.ts'
import { describeMethod, detectMethod, measure, type Method, type Sample } from './lib/measure.ts'
import { stampFor, writeManuscript } from './lib/write.ts'

/** The colophon build, run from the repository root. Adjust here if the CLI changes. */
const colophonCommand = (manuscript: string, epub: string): string[] =>
  ['node', 'src/bin.js', 'build', manuscript, '--out', epub]

/** Only this command is timed for pandoc; the concatenated input is prepared beforehand. */
const pandocCommand = (input: string, epub: string): string[] =>
  ['pandoc', '-f', 'markdown+smart', '-t', 'epub3', '-o', epub, input]

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = 'bench/out' // relative to root, git-ignored

const usage = `Usage: npm run bench -- [--sizes ${Object.keys(sizes).join(',')}] [--runs N] [--seed N] [--smoke]

Generates synthetic manuscripts (cached in ${outDir}), builds each with colophon
and, when it is on PATH, pandoc, and prints a Markdown table of median wall
time, CPU time and peak RSS. --smoke: 10k only, 1 run, no pandoc.

Example: npm run bench -- --sizes 10k,100k --runs 3 > bench/RESULTS.md`

interface Options {
  sizes: SizeName[]
  runs: number
  seed: number
  pandoc: boolean
}

function parseOptions(argv: string[]): Options | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: Object.keys(sizes).join(',') },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      smoke: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) return usage
  if (values.smoke) return { sizes: ['10k'], runs: 1, seed: Number(values.seed), pandoc: false }
  const chosen = values.sizes.split(',').map((size) => size.trim())
  const unknown = chosen.filter((size) => !isSizeName(size))
  if (unknown.length > 0) throw new Error(`Unexpected size \`${unknown.join(', ')}\`, expected one of ${Object.keys(sizes).join(', ')}`)
  const runs = Number(values.runs)
  const seed = Number(values.seed)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`Unexpected --runs \`${values.runs}\`, expected a whole number ≥ 1`)
  if (!Number.isInteger(seed)) throw new Error(`Unexpected --seed \`${values.seed}\`, expected a whole number`)
  return { sizes: chosen.filter(isSizeName), runs, seed, pandoc: true }
}

function pandocVersion(): string | undefined {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined
}

/** Generate the manuscript and pandoc's one-file input unless a matching cache exists. */
async function prepare(size: SizeName, seed: number): Promise<{ manuscript: string; pandocInput: string }> {
  const manuscript = `${outDir}/${size}`
  const pandocInput = `${outDir}/${size}.pandoc.md`
  const stamp = join(root, outDir, `${size}.stamp`)
  const cached = existsSync(stamp) && (await readFile(stamp, 'utf8')) === stampFor(size, seed) &&
    existsSync(join(root, manuscript, 'book.yaml')) && existsSync(join(root, pandocInput))
  if (!cached) {
    process.stderr.write(`generating ${size} (seed ${seed})\n`)
    await mkdir(join(root, outDir), { recursive: true })
    const book = await writeManuscript(join(root, manuscript), size, seed)
    await writeFile(join(root, pandocInput), pandocMarkdown(book))
    await writeFile(stamp, stampFor(size, seed))
  }
  return { manuscript, pandocInput }
}

interface Row {
  size: SizeName
  tool: 'colophon' | 'pandoc'
  samples: Sample[]
}

/** Run a command up to `runs` times; stop at the first failure. */
async function repeat(label: string, command: string[], runs: number, method: Method): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let index = 1; index <= runs; index++) {
    const sample = await measure(command, root, method)
    samples.push(sample)
    process.stderr.write(`  ${label} run ${index}/${runs}: ${sample.ok ? `${sample.wallS.toFixed(2)} s` : `failed: ${sample.error ?? ''}`}\n`)
    if (!sample.ok) break
  }
  return samples
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const succeeded = (row: Row | undefined): boolean => row !== undefined && row.samples.length > 0 && row.samples.every((sample) => sample.ok)

function figure(row: Row, pick: (sample: Sample) => number | undefined, digits: number): string {
  if (!succeeded(row)) return 'failed'
  const values = row.samples.map(pick).filter((value): value is number => value !== undefined)
  const value = median(values)
  return value === undefined ? 'n/a' : value.toFixed(digits)
}

function ratio(colophon: Row, pandoc: Row | undefined): string {
  if (!succeeded(colophon) || !pandoc || !succeeded(pandoc)) return '—'
  const ours = median(colophon.samples.map((sample) => sample.wallS)) ?? 0
  const theirs = median(pandoc.samples.map((sample) => sample.wallS)) ?? 0
  if (ours <= 0 || theirs <= 0) return '—'
  return theirs >= ours ? `×${(theirs / ours).toFixed(1)} faster` : `×${(ours / theirs).toFixed(1)} slower`
}

function machine(method: Method, options: Options, pandoc: string | undefined): string {
  const cores = cpus()
  return [
    '## Machine',
    '',
    `- CPU: ${cores[0]?.model.trim() ?? 'unknown'}, ${cores.length} logical cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()} (${arch()})`,
    `- Node: ${process.version}`,
    `- pandoc: ${pandoc ?? 'not found'}${options.pandoc ? '' : ' (not run)'}`,
    `- Measured with: ${describeMethod(method)}`,
    `- Runs: ${options.runs} per tool and size, medians shown; seed ${options.seed}; ${new Date().toISOString().slice(0, 10)}`,
    ''
  ].join('\n')
}

function table(rows: Row[]): string {
  const lines = [
    '| Size | Words | Tool | Wall s | CPU s (user+sys) | Peak RSS MiB | colophon vs pandoc (wall) |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- |'
  ]
  for (const row of rows) {
    const pandoc = rows.find((other) => other.size === row.size && other.tool === 'pandoc')
    const versus = row.tool === 'colophon' ? ratio(row, pandoc) : ''
    lines.push(`| ${row.size} | ${sizes[row.size].toLocaleString('en-US')} | ${row.tool} | ${figure(row, (s) => s.wallS, 2)} | ${figure(row, (s) => s.cpuS, 2)} | ${figure(row, (s) => s.peakRssMiB, 0)} | ${versus} |`)
  }
  return lines.join('\n')
}

async function main(argv: string[]): Promise<number> {
  let options: Options | string
  try {
    options = parseOptions(argv)
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (typeof options === 'string') {
    console.log(options)
    return 0
  }
  const method = detectMethod()
  const pandoc = pandocVersion()
  const runPandoc = options.pandoc && pandoc !== undefined
  const rows: Row[] = []
  for (const size of options.sizes) {
    const { manuscript, pandocInput } = await prepare(size, options.seed)
    process.stderr.write(`${size}:\n`)
    const colophonEpub = `${outDir}/${size}.colophon.epub`
    rows.push({ size, tool: 'colophon', samples: await repeat('colophon', colophonCommand(manuscript, colophonEpub), options.runs, method) })
    if (runPandoc) {
      const pandocEpub = `${outDir}/${size}.pandoc.epub`
      rows.push({ size, tool: 'pandoc', samples: await repeat('pandoc', pandocCommand(pandocInput, pandocEpub), options.runs, method) })
    }
  }
  console.log(`# colophon build benchmark\n\n${machine(method, options, pandoc)}\n${table(rows)}`)
  console.log(`\nColophon: \`${colophonCommand('bench/out/SIZE', 'OUT.epub').join(' ')}\`; pandoc: \`${pandocCommand('SIZE.pandoc.md', 'OUT.epub').join(' ')}\`.`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
