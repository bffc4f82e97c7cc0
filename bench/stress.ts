/**
 * Stress builds: a 50 MB scene, a single 1 MB paragraph, and a book of
 * 10,000 scene files. Each is built by the real CLI entry in a child process
 * that reports its own peak RSS, so memory is measured where it is spent.
 * Timing is reported, never asserted (see bench/, not tests).
 *
 *   node src/run-ts.js bench/stress.ts [50mb-scene] [1mb-paragraph] [10000-scenes]
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packageRoot } from '../src/root.ts'

const BOOK_YAML = 'title: Stress\nauthor: Bench Mark\nlanguage: en\n'
const WORDS = ['mill', 'river', 'said', '"wait', 'no"', '--', 'lantern', '*quiet*', 'north', 'bread', "it's", 'stone', 'letter', 'Ça', 'naïve', '...']

/** Deterministic text: the same bytes on every run. */
function words(count: number, seed: number): string {
  let state = seed
  const out: string[] = []
  for (let index = 0; index < count; index++) {
    state = (state * 1103515245 + 12345) % 2147483648
    const word = WORDS[(state >>> 16) % WORDS.length] ?? 'word'
    // Prose does not repeat a word twice in a row (the lint would flag each).
    out.push(word === out[out.length - 1] ? 'and' : word)
  }
  return out.join(' ')
}

async function manuscript(folder: string, chapters: Array<Array<string>>): Promise<void> {
  await writeFile(join(folder, 'book.yaml'), BOOK_YAML)
  for (const [c, scenes] of chapters.entries()) {
    const dir = join(folder, 'chapters', `${String(c + 1).padStart(3, '0')}-part`)
    await mkdir(dir, { recursive: true })
    for (const [s, text] of scenes.entries()) await writeFile(join(dir, `${String(s + 1).padStart(4, '0')}-scene.md`), text)
  }
}

const cases: Record<string, (folder: string) => Promise<void>> = {
  '50mb-scene': async (folder) => {
    const paragraphs: string[] = []
    let size = 0
    for (let index = 0; size < 50 * 1024 * 1024; index++) {
      const paragraph = `${words(120, index + 1)}.\n\n`
      paragraphs.push(paragraph)
      size += Buffer.byteLength(paragraph)
    }
    await manuscript(folder, [[paragraphs.join('')]])
  },
  '1mb-paragraph': async (folder) => {
    await manuscript(folder, [[`${words(200_000, 7).slice(0, 1024 * 1024)}\n`]])
  },
  '10000-scenes': async (folder) => {
    const chapters = Array.from({ length: 100 }, (_, c) => Array.from({ length: 100 }, (_, s) => `${words(60, c * 100 + s + 1)}.\n`))
    await manuscript(folder, chapters)
  },
}

interface Measured {
  code: number | null
  seconds: number
  peakRssMiB: number | undefined
  epubKiB: number | undefined
  stderrTail: string
}

/** Build with the CLI's `main` in a child that prints its peak RSS (`process.resourceUsage().maxRSS`, KiB). */
function buildInChild(folder: string, out: string): Promise<Measured> {
  const script = [
    `import { load } from ${JSON.stringify(join(packageRoot, 'src/launch.js'))}`,
    `const { main } = await load('cli')`,
    `const code = await main(['build', ${JSON.stringify(folder)}, '--out', ${JSON.stringify(out)}])`,
    `process.stderr.write('\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n')`,
    `process.exitCode = code`,
  ].join('\n')
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('close', async (code) => {
      const rss = /maxrss (\d+)/.exec(stderr)?.[1]
      const size = await stat(out).then((info) => info.size, () => undefined)
      resolve({
        code,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        peakRssMiB: rss ? Math.round(Number(rss) / 1024) : undefined,
        epubKiB: size === undefined ? undefined : Math.round(size / 1024),
        stderrTail: stderr.replace(/maxrss \d+\n?/, '').trim().split('\n').slice(-3).join(' | '),
      })
    })
  })
}

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(cases)
const work = await mkdtemp(join(tmpdir(), 'colophon-stress-'))
try {
  for (const name of chosen) {
    const make = cases[name]
    if (!make) throw new Error(`Unexpected case \`${name}\`, expected one of ${Object.keys(cases).join(', ')}`)
    const folder = join(work, name)
    await mkdir(folder)
    await make(folder)
    const result = await buildInChild(folder, join(work, `${name}.epub`))
    process.stdout.write(`${JSON.stringify({ case: name, ...result })}\n`)
    await rm(folder, { recursive: true, force: true })
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
