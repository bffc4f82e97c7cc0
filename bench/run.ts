/**
 * The build benchmark: colophon against pandoc, calibre and the baselines of
 * issue 6 (bench/baselines/) on the same synthetic books.
 *
 *   npm run bench                       # 10k, 100k, 1m words, 5 runs each
 *   npm run bench -- --sizes 10k,100k --runs 3
 *   npm run bench -- --smoke            # 10k, 1 run, colophon and the baselines
 *
 * Progress goes to stderr and the Markdown report to stdout, so
 * `npm run --silent bench > bench/RESULTS.md` records results with their machine
 * (`--silent` keeps npm's own echo of the script out of the file).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, platform, release, arch, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { benchLanguages, isBenchLanguage, isSizeName, pandocMarkdown, sizes, type BenchLanguage, type SizeName } from './lib/manuscript.ts'
import { describeMethod, detectMethod, measure, type Method, type Sample } from './lib/measure.ts'
import { stampFor, writeManuscript } from './lib/write.ts'
import { measureWatch, type WatchSample } from './lib/watch.ts'
import { rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { cachePath } from '../src/cache/disk.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = 'bench/out' // relative to root, git-ignored
const baselineDir = `${outDir}/baselines`

/**
 * The colophon build, run from the repository root: a full build, no cache
 * (the cache has its own table below). Adjust here if the CLI changes.
 */
const colophonCommand = (manuscript: string, epub: string, ...extra: string[]): string[] =>
  ['node', 'src/bin.js', 'build', manuscript, '--out', epub, ...extra]
const fullBuild = '--no-cache'

/** Only this command is timed for pandoc; the concatenated input is prepared beforehand. */
const pandocCommand = (input: string, epub: string): string[] =>
  ['pandoc', '-f', 'markdown+smart', '-t', 'epub3', '-o', epub, input]

/** calibre on pandoc's one-file input: its Markdown reader, quotes made curly, EPUB 3. */
const calibreCommand = (input: string, epub: string): string[] =>
  ['ebook-convert', input, epub, '--formatting-type', 'markdown', '--smarten-punctuation', '--epub-version', '3']
/**
 * The sizes calibre is run at. Its time grows much faster than the text on one
 * big Markdown file: 1.4 s at 10k and 3.3 s at 100k here, but one 1m run had
 * not finished after 7 minutes (nor after 200 s without --smarten-punctuation).
 */
const calibreSizes: readonly SizeName[] = ['10k', '100k']

/**
 * The other rows of issue 6's table, from `bench/baselines/`: each is bundled
 * once into one plain JavaScript file with its packages, as colophon's own
 * bundle is, so that neither is timed resolving modules or through a loader.
 */
const baselines = [
  { tool: 'floor: read, fix quotes, zip', script: 'floor', args: (manuscript: string, size: SizeName) => [manuscript, `${outDir}/${size}.floor.zip`] },
  { tool: 'micromark parse only', script: 'micromark', args: (manuscript: string) => [manuscript] },
  { tool: 'unified + remark-smartypants + epub-gen-memory', script: 'unified-stack', args: (manuscript: string, size: SizeName) => [manuscript, `${outDir}/${size}.unified.epub`] },
] as const

async function bundleBaselines(): Promise<void> {
  const { build } = await import('esbuild')
  await build({
    entryPoints: baselines.map(({ script }) => join(root, 'bench/baselines', `${script}.ts`)),
    outdir: join(root, baselineDir),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // epub-gen-memory reads its templates from beside its own modules.
    external: ['epub-gen-memory'],
    // CommonJS dependencies require Node's modules.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error'
  })
}

const usage = `Usage: npm run bench -- [--sizes ${Object.keys(sizes).join(',')}] [--runs N] [--seed N] [--language en|fr] [--smoke] [--no-extras] [--no-baselines]

Generates synthetic manuscripts (cached in ${outDir}), builds each with colophon
and, when they are on PATH, pandoc and calibre, and prints a Markdown table of
median wall time, CPU time and peak RSS. The table also has issue 6's
baselines (bench/baselines/): the floor (read, fix quotes, zip), micromark
parsing alone, and the unified stack packaged by epub-gen-memory
(--no-baselines skips these and calibre). Then, on the largest size, a build
with a cold and a warm on-disk cache, and the latency of watch mode after one
scene is saved (--no-extras skips these). --smoke: 10k only, 1 run, colophon
and the baselines, no pandoc or calibre. --language fr: the French bench book
(dialogue typed with "- ", French spacing and quotes to set), cached apart.

Example: npm run --silent bench -- --sizes 10k,100k --runs 3 > bench/RESULTS.md`

interface Options {
  sizes: SizeName[]
  runs: number
  seed: number
  /** The manuscript's language: `fr` is the French bench book (dialogue typed with `- `). */
  language: BenchLanguage
  pandoc: boolean
  /** The floor, micromark and unified-stack rows, and calibre when installed. */
  baselines: boolean
  /** Measure the on-disk cache (cold and warm) and watch mode on the largest size. */
  extras: boolean
}

function parseOptions(argv: string[]): Options | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '10k,100k,1m' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      language: { type: 'string', default: 'en' },
      smoke: { type: 'boolean', default: false },
      'no-extras': { type: 'boolean', default: false },
      'no-baselines': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) return usage
  if (!isBenchLanguage(values.language)) throw new Error(`Unexpected --language \`${values.language}\`, expected one of ${benchLanguages.join(', ')}`)
  const language = values.language
  if (values.smoke) return { sizes: ['10k'], runs: 1, seed: Number(values.seed), language, pandoc: false, baselines: !values['no-baselines'], extras: false }
  const chosen = values.sizes.split(',').map((size) => size.trim())
  const unknown = chosen.filter((size) => !isSizeName(size))
  if (unknown.length > 0) throw new Error(`Unexpected size \`${unknown.join(', ')}\`, expected one of ${Object.keys(sizes).join(', ')}`)
  const runs = Number(values.runs)
  const seed = Number(values.seed)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`Unexpected --runs \`${values.runs}\`, expected a whole number ≥ 1`)
  if (!Number.isInteger(seed)) throw new Error(`Unexpected --seed \`${values.seed}\`, expected a whole number`)
  return { sizes: chosen.filter(isSizeName), runs, seed, language, pandoc: true, baselines: !values['no-baselines'], extras: !values['no-extras'] }
}

/** The first line of `TOOL --version`, or undefined when it is not installed. */
function version(tool: string): string | undefined {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined
}

/** Generate the manuscript and pandoc's one-file input unless a matching cache exists. */
async function prepare(size: SizeName, seed: number, language: BenchLanguage): Promise<{ manuscript: string; pandocInput: string }> {
  const name = language === 'en' ? size : `${size}-${language}`
  const manuscript = `${outDir}/${name}`
  const pandocInput = `${outDir}/${name}.pandoc.md`
  const stamp = join(root, outDir, `${name}.stamp`)
  const cached = existsSync(stamp) && (await readFile(stamp, 'utf8')) === stampFor(size, seed, language) &&
    existsSync(join(root, manuscript, 'book.yaml')) && existsSync(join(root, pandocInput))
  if (!cached) {
    process.stderr.write(`generating ${size} (seed ${seed})\n`)
    await mkdir(join(root, outDir), { recursive: true })
    const book = await writeManuscript(join(root, manuscript), size, seed, language)
    await writeFile(join(root, pandocInput), pandocMarkdown(book))
    await writeFile(stamp, stampFor(size, seed, language))
  }
  return { manuscript, pandocInput }
}

interface Row {
  size: SizeName
  tool: string
  samples: Sample[]
  /** 1-minute load average before and after the runs: the machine is shared. */
  load: [number, number]
}

/**
 * Run colophon and pandoc by turns, `runs` times each (colophon, pandoc, colophon, …): the
 * machine's speed drifts by more than a run takes, and taking turns gives both the same spells.
 * `before` runs before each of a command's runs. Stops at the first failure.
 */
async function alternate(commands: Array<{ label: string; command: string[]; before?: () => Promise<void> }>, runs: number, method: Method): Promise<Sample[][]> {
  const samples = commands.map((): Sample[] => [])
  for (let index = 1; index <= runs; index++) {
    for (const [at, { label, command, before }] of commands.entries()) {
      await before?.()
      const sample = await measure(command, root, method)
      samples[at]?.push(sample)
      process.stderr.write(`  ${label} run ${index}/${runs}: ${sample.ok ? `${sample.wallS.toFixed(2)} s` : `failed: ${sample.error ?? ''}`}\n`)
      if (!sample.ok) return samples
    }
  }
  return samples
}

/** Run a command up to `runs` times; stop at the first failure. */
async function repeat(label: string, command: string[], runs: number, method: Method, before?: () => Promise<void>): Promise<Sample[]> {
  return (await alternate([{ label, command, before }], runs, method))[0] ?? []
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

/** How a tool's median compares with pandoc's, in the same runs. */
function ratio(row: Row, pandoc: Row, pick: (sample: Sample) => number | undefined): string {
  if (!succeeded(row) || !succeeded(pandoc)) return '—'
  const ours = median(row.samples.map(pick).filter((value): value is number => value !== undefined)) ?? 0
  const theirs = median(pandoc.samples.map(pick).filter((value): value is number => value !== undefined)) ?? 0
  if (ours <= 0 || theirs <= 0) return '—'
  return theirs >= ours ? `×${(theirs / ours).toFixed(1)} faster` : `×${(ours / theirs).toFixed(1)} slower`
}

function machine(method: Method, options: Options, pandoc: string | undefined, calibre: string | undefined): string {
  const cores = cpus()
  return [
    '## Machine',
    '',
    `- CPU: ${cores[0]?.model.trim() ?? 'unknown'}, ${cores.length} logical cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()} (${arch()})`,
    `- Node: ${process.version}`,
    `- pandoc: ${pandoc ?? 'not found'}${options.pandoc ? '' : ' (not run)'}`,
    `- calibre: ${calibre ?? 'not found'}${options.pandoc && options.baselines ? '' : ' (not run)'}`,
    `- Measured with: ${describeMethod(method)}`,
    `- Runs: ${options.runs} per tool and size, the tools by turns, medians shown; seed ${options.seed}; ${new Date().toISOString().slice(0, 10)}`,
    ''
  ].join('\n')
}

function table(rows: Row[]): string {
  const lines = [
    '| Size | Words | Tool | Wall s | CPU s (user+sys) | Peak RSS MiB | vs pandoc (wall) | vs pandoc (CPU) | Load avg |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- | --- | --- |'
  ]
  for (const row of rows) {
    const pandoc = rows.find((other) => other.size === row.size && other.tool === 'pandoc')
    // Every tool against pandoc, measured in the same turns.
    const versus = pandoc && row !== pandoc ? ratio(row, pandoc, (s) => s.wallS) : ''
    const versusCpu = pandoc && row !== pandoc ? ratio(row, pandoc, (s) => s.cpuS) : ''
    lines.push(`| ${row.size} | ${sizes[row.size].toLocaleString('en-US')} | ${row.tool} | ${figure(row, (s) => s.wallS, 2)} | ${figure(row, (s) => s.cpuS, 2)} | ${figure(row, (s) => s.peakRssMiB, 0)} | ${versus} | ${versusCpu} | ${row.load[0].toFixed(1)} → ${row.load[1].toFixed(1)} |`)
  }
  return lines.join('\n')
}

/** colophon's own stage lines (`colophon: typeset: … (0.41 s)`) from the run with the median wall time. */
function stages(rows: Row[]): string {
  const lines = ['| Size | ' + ['load', 'typeset', 'render', 'package', 'verify', 'lint'].join(' | ') + ' |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const row of rows.filter((row) => row.tool === 'colophon' && succeeded(row))) {
    const sorted = [...row.samples].sort((a, b) => a.wallS - b.wallS)
    const middle = sorted[Math.floor(sorted.length / 2)]
    const times = new Map([...(middle?.stderr ?? '').matchAll(/^colophon: (\w+): .*\((\d+\.\d+) s\)$/gm)].map((match) => [match[1], match[2]]))
    lines.push(`| ${row.size} | ${['load', 'typeset', 'render', 'package', 'verify', 'lint'].map((stage) => times.get(stage) ?? '—').join(' | ')} |`)
  }
  return lines.join('\n')
}

function watchTable(size: SizeName, samples: WatchSample[]): string {
  const saved = samples.map((sample) => sample.savedToWrittenMs)
  const own = samples.map((sample) => sample.rebuildMs)
  const cpu = samples.map((sample) => sample.cpuMs)
  const show = (values: number[]): string => `${(median(values) ?? 0).toFixed(0)} ms (max ${Math.max(...values).toFixed(0)})`
  return [
    '| Size | Edits | Save → EPUB written, median | colophon\'s rebuild time, median | its CPU time, median |',
    '| --- | ---: | --- | --- | --- |',
    `| ${size} | ${samples.length} | ${show(saved)} | ${show(own)} | ${show(cpu)} |`
  ].join('\n')
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
  const pandoc = version('pandoc')
  const calibre = version('ebook-convert')
  const runPandoc = options.pandoc && pandoc !== undefined
  const runCalibre = options.pandoc && options.baselines && calibre !== undefined
  if (options.baselines) await bundleBaselines()
  const rows: Row[] = []
  for (const size of options.sizes) {
    const { manuscript, pandocInput } = await prepare(size, options.seed, options.language)
    process.stderr.write(`${size}:\n`)
    const commands = [
      ...(options.baselines ? baselines.map(({ tool, script, args }) => ({ label: tool, command: ['node', `${baselineDir}/${script}.mjs`, ...args(manuscript, size)] })) : []),
      { label: 'colophon', command: colophonCommand(manuscript, `${outDir}/${size}.colophon.epub`, fullBuild) },
      ...(runPandoc ? [{ label: 'pandoc', command: pandocCommand(pandocInput, `${outDir}/${size}.pandoc.epub`) }] : []),
      ...(runCalibre && calibreSizes.includes(size) ? [{ label: 'calibre', command: calibreCommand(pandocInput, `${outDir}/${size}.calibre.epub`) }] : [])
    ]
    const before = loadavg()[0] ?? 0
    const samples = await alternate(commands, options.runs, method)
    const after = loadavg()[0] ?? 0
    commands.forEach(({ label }, at) => rows.push({ size, tool: label, samples: samples[at] ?? [], load: [before, after] }))
  }
  const report = [
    `# colophon build benchmark\n\n${machine(method, options, pandoc, calibre)}`,
    '## Full builds\n',
    table(rows),
    `\ncolophon: \`${colophonCommand('bench/out/SIZE', 'OUT.epub', fullBuild).join(' ')}\`; pandoc: \`${pandocCommand('SIZE.pandoc.md', 'OUT.epub').join(' ')}\`; ` +
      `calibre: \`${calibreCommand('SIZE.pandoc.md', 'OUT.epub').join(' ')}\`; the baselines: \`node ${baselineDir}/NAME.mjs bench/out/SIZE OUT\`, from \`bench/baselines/NAME.ts\`.`,
    '\n### Where colophon\'s time goes\n\nWall seconds per stage, from colophon\'s own stage lines (run with the median wall time). ' +
      'Each text is linted, rendered (when it stands alone) and counted as it is typeset, on whichever thread typesets it, so `typeset` holds those, `render` only assembles pages, and `lint` is the book-wide rest. ' +
      'Time before `load` (start-up) and after `verify` (writing the file) is in the wall time but in no stage.\n',
    stages(rows)
  ]

  const largest = options.sizes.at(-1)
  if (options.extras && largest) {
    const { manuscript } = await prepare(largest, options.seed, options.language)
    const epub = `${outDir}/${largest}.colophon.epub`
    // The cache lives in the user's cache home, one file per manuscript (src/cache/disk.ts).
    const cacheFile = cachePath(join(root, manuscript))
    const clear = (): Promise<void> => (cacheFile ? rm(cacheFile, { force: true }) : Promise.resolve())
    process.stderr.write(`${largest} with the on-disk cache:\n`)
    const cacheRows: Row[] = []
    const cold: Row = { size: largest, tool: 'colophon, cold cache (writes it)', samples: [], load: [loadavg()[0] ?? 0, 0] }
    cold.samples = await repeat('cold', colophonCommand(manuscript, epub), options.runs, method, clear)
    cold.load[1] = loadavg()[0] ?? 0
    const warm: Row = { size: largest, tool: 'colophon, warm cache', samples: [], load: [loadavg()[0] ?? 0, 0] }
    warm.samples = await repeat('warm', colophonCommand(manuscript, epub), options.runs, method)
    warm.load[1] = loadavg()[0] ?? 0
    cacheRows.push(cold, warm)
    await clear()
    report.push('\n## Second build with the on-disk cache\n', table(cacheRows))

    process.stderr.write(`${largest} in watch mode:\n`)
    const scenes = (await readdir(join(root, manuscript, 'chapters'))).sort()
    const chapter = scenes[Math.floor(scenes.length / 2)] ?? ''
    const scene = (await readdir(join(root, manuscript, 'chapters', chapter))).filter((name) => name.endsWith('.md') && name !== 'end-note.md').sort()[0] ?? ''
    const loadBefore = loadavg()[0] ?? 0
    const samples = await measureWatch(colophonCommand(manuscript, epub, '--watch', fullBuild), root, join(manuscript, 'chapters', chapter, scene), Math.max(5, options.runs))
    report.push(
      '\n## One scene saved in watch mode\n',
      `\`colophon build ${largest} --watch\` (cache in memory), one scene of chapter ${chapter} appended to and saved ${samples.length} times. Load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}.\n`,
      watchTable(largest, samples)
    )
  }
  console.log(report.join('\n'))
  return 0
}

process.exitCode = await main(process.argv.slice(2))
