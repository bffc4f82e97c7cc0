import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { BIN, ROOT, TEST_CACHE_HOME } from './helpers/cli.ts'
import { STACK_TRACE } from './helpers/report.ts'

/**
 * SIGINT and SIGTERM end a build within a second whatever it is doing,
 * even a long synchronous step on the main thread (where a JavaScript
 * signal listener would wait for the step to end), and leave the previous
 * EPUB byte-identical with no temporary file beside it. The manuscript is
 * one 6 MB scene with inline HTML, so it is typeset whole and rendered on
 * the main thread: seconds of synchronous work in each of those stages.
 */
let work: string
let previous: Uint8Array
/** Milliseconds from the signal to the end of the process, per case, for the report. */
const latencies: string[] = []

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'colophon-interrupt-'))
  previous = (await build(join(ROOT, 'manuscript'), { env: {} })).epub
  const words = ['mill', 'river', 'said', 'went', 'lantern', 'quiet', 'north', 'bread', 'stone', 'letter', 'wait', 'no']
  let seed = 11
  const word = (): string => words[((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 16) % words.length] ?? 'word'
  const sentence = (): string => `${Array.from({ length: 9 }, word).join(' ')}, "${word()} -- ${word()}..." ${word()}${seed % 97}.`
  const paragraph = (): string => `${Array.from({ length: 6 }, sentence).join(' ')}\n\n`
  await mkdir(join(work, 'whole/chapters/01-one'), { recursive: true })
  await writeFile(join(work, 'whole/book.yaml'), 'title: One Long Scene\nauthor: Ann Author\nlanguage: en\n')
  // `<em>` ties the text together (raw HTML), so it is never cut into pieces for the threads.
  await writeFile(join(work, 'whole/chapters/01-one/01-all.md'), `A <em>whole</em> text.\n\n${Array.from({ length: 14_000 }, paragraph).join('')}`)
}, 300_000)

/** Start a build and resolve when its stderr first holds `line`; `ended` gives how it ended and when. */
function start(out: string): { at: (line: string) => Promise<void>; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; time: number }>; kill: (signal: NodeJS.Signals) => number } {
  const child = spawn(process.execPath, [BIN, 'build', 'whole', '--out', out, '--threads', '0', '--no-cache'], {
    cwd: work,
    env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const waiting: Array<{ line: string; resolve: () => void }> = []
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    for (const wait of waiting.splice(0)) {
      if (stderr.includes(wait.line)) wait.resolve()
      else waiting.push(wait)
    }
  })
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; time: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, time: performance.now() })),
  )
  return {
    at: (line) => new Promise((resolve) => (stderr.includes(line) ? resolve() : waiting.push({ line, resolve }))),
    ended,
    kill: (signal) => {
      child.kill(signal)
      return performance.now()
    },
  }
}

describe('an interrupt during a long synchronous step', () => {
  const moments = [
    { stage: 'typeset', after: 'colophon: load:' },
    { stage: 'render', after: 'colophon: typeset:' },
  ]
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const { stage, after } of moments) {
      it(`${signal} in the ${stage} stage ends the build within 1 s, the previous EPUB intact`, async () => {
        const folder = join(work, `${signal}-${stage}`)
        await mkdir(folder)
        const out = join(folder, 'book.epub')
        await writeFile(out, previous)
        const run = start(out)
        await run.at(after)
        // Well into the stage's synchronous work.
        await new Promise((resolve) => setTimeout(resolve, 300))
        const sent = run.kill(signal)
        const ended = await run.ended
        const latency = ended.time - sent
        latencies.push(`${signal} ${stage}: ${Math.round(latency)} ms`)
        expect(latency).toBeLessThan(1000)
        // The system's default action: a shell reports 130 (SIGINT) or 143 (SIGTERM) for it.
        expect(ended.signal ?? ended.code, ended.stderr.slice(-400)).toBe(ended.signal ? signal : signal === 'SIGINT' ? 130 : 143)
        expect(ended.stderr).not.toMatch(STACK_TRACE)
        expect(ended.stderr).not.toContain(`colophon: ${stage}:`)
        expect(Buffer.from(await readFile(out)).equals(Buffer.from(previous)), 'previous EPUB byte-identical').toBe(true)
        expect(await readdir(folder)).toEqual(['book.epub'])
      }, 120_000)
    }
  }

  it('reports the latencies it measured', () => {
    process.stderr.write(`signal latency: ${latencies.join('; ')}\n`)
    expect(latencies.length).toBe(4)
  })
})

/**
 * `preview` and `build --watch` rebuild on every save. Between builds Ctrl-C
 * stops them as their listeners say; during a rebuild the signal keeps its
 * default action, as in a build, so a long rebuild ends at once too. The
 * manuscript starts small; saving the 6 MB scene into it makes the slow rebuild.
 */
describe('an interrupt during a rebuild', () => {
  const commands = [
    { name: 'preview', args: (folder: string) => ['preview', folder, '--no-open', '--port', '0'], ready: 'colophon: previewing' },
    { name: 'build --watch', args: (folder: string) => ['build', folder, '--watch', '--no-cache', '--threads', '0', '--out', `${folder}-out/book.epub`], ready: 'for changes (Ctrl-C to stop)' },
    { name: 'build FILE --watch', args: (folder: string) => ['build', join(folder, 'story.md'), '--watch', '--threads', '0', '--out', `${folder}-out/book.epub`], ready: 'for changes (Ctrl-C to stop)' },
  ]
  const measured: string[] = []
  for (const command of commands) {
    it(`SIGINT ends \`colophon ${command.name}\` within 1 s while it rebuilds`, async () => {
      const folder = join(work, command.name.replaceAll(/\W+/g, '-'))
      const scene = join(folder, command.name.includes('FILE') ? 'story.md' : 'chapters/01-one/01-all.md')
      await mkdir(join(folder, 'chapters/01-one'), { recursive: true })
      await writeFile(join(folder, 'book.yaml'), 'title: One Long Scene\nauthor: Ann Author\nlanguage: en\n')
      await writeFile(scene, '# One\n\nA short text.\n')
      const child = spawn(process.execPath, [BIN, ...command.args(folder)], { cwd: work, env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME }, stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; time: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, time: performance.now() })))
      for (let waited = 0; !stderr.includes(command.ready) && waited < 120_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(stderr, stderr).toContain(command.ready)
      const before = stderr.length
      await writeFile(scene, await readFile(join(work, 'whole/chapters/01-one/01-all.md')))
      // Well into the rebuild's synchronous work (the 6 MB text takes seconds to typeset and render).
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const sent = performance.now()
      child.kill('SIGINT')
      const end = await ended
      const latency = end.time - sent
      measured.push(`${command.name}: ${Math.round(latency)} ms`)
      expect(stderr.slice(before), 'the rebuild had not ended').not.toMatch(/built|rebuilt|rebuild failed/)
      expect(latency).toBeLessThan(1000)
      expect(end.signal ?? end.code).toBe(end.signal ? 'SIGINT' : 130)
      expect(stderr).not.toMatch(STACK_TRACE)
    }, 180_000)
  }

  it('reports the latencies it measured', () => {
    process.stderr.write(`signal latency during a rebuild: ${measured.join('; ')}\n`)
    expect(measured.length).toBe(commands.length)
  })
})
