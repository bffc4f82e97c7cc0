import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { watch } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { BIN, colophon, ROOT, TEST_CACHE_HOME } from './helpers/cli.ts'
import { STACK_TRACE } from './helpers/report.ts'

/**
 * A build stopped halfway (Ctrl-C, `kill`, or `kill -9`) must leave the
 * previous EPUB byte-identical; one stopped as the EPUB is written leaves a
 * whole EPUB (the previous one, or the new one if the rename came first);
 * SIGINT and SIGTERM leave no temporary file, and a temporary file left by
 * SIGKILL (which no program can catch) is removed by the next build to the
 * same place.
 */
let work: string
let previous: Uint8Array
/** What a build of `big/` that runs to the end writes (builds are reproducible). */
let complete: Uint8Array

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'colophon-kill-'))
  previous = (await build(join(ROOT, 'manuscript'), { env: {} })).epub
  // A manuscript big enough that building it takes a while: 60 scenes of 40 kB,
  // of varied words so the EPUB stays large (its write takes several chunks).
  const words = ['mill', 'river', 'said', 'went', 'lantern', 'quiet', 'north', 'bread', 'stone', 'letter', 'wait', 'no']
  let seed = 7
  const word = (): string => words[((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 16) % words.length] ?? 'word'
  const sentence = (): string => `${Array.from({ length: 9 }, word).join(' ')}, "${word()} -- ${word()}..." ${word()}${seed % 97}.`
  const paragraph = (): string => `${Array.from({ length: 6 }, sentence).join(' ')}\n\n`
  await writeFile(join(work, 'book.yaml'), 'title: A Long Book\nauthor: Ann Author\nlanguage: en\n')
  for (let chapter = 1; chapter <= 6; chapter++) {
    const folder = join(work, `big/chapters/${String(chapter).padStart(2, '0')}-part`)
    await mkdir(folder, { recursive: true })
    for (let scene = 1; scene <= 10; scene++) {
      await writeFile(join(folder, `${String(scene).padStart(2, '0')}-scene.md`), `Scene ${chapter}.${scene}.\n\n${Array.from({ length: 70 }, paragraph).join('')}`)
    }
  }
  await writeFile(join(work, 'big/book.yaml'), 'title: A Long Book\nauthor: Ann Author\nlanguage: en\n')
  // 24 MB that do not compress (a PNG header, then noise), so writing the
  // EPUB takes long enough for a signal to land while it is under way.
  const header = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080200000090775338', 'hex')
  await writeFile(join(work, 'big/chapters/01-part/noise.png'), Buffer.concat([header, randomBytes(24 << 20)]))
  await writeFile(join(work, 'big/chapters/01-part/11-picture.md'), '![A picture of noise](noise.png)\n')
  complete = (await build(join(work, 'big'), { env: process.env })).epub
})

interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

function start(out: string): { child: ChildProcess; ended: Promise<Ended>; building: Promise<void> } {
  const child = spawn(process.execPath, [BIN, 'build', 'big', '--out', out], { cwd: work, env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  let started: () => void = () => undefined
  const building = new Promise<void>((resolve) => (started = resolve))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    if (stderr.includes('colophon: building')) started()
  })
  const ended = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })))
  return { child, ended, building }
}

/** Resolve when a temporary file for the book appears in `folder`. */
function temporaryAppears(folder: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(folder, (_event, name) => {
      if (name && /\.tmp$/.test(name)) {
        watcher.close()
        resolve()
      }
    })
  })
}

async function prepare(name: string): Promise<{ folder: string; out: string }> {
  const folder = join(work, name)
  await mkdir(folder)
  const out = join(folder, 'book.epub')
  await writeFile(out, previous)
  return { folder, out }
}

async function expectPrevious(out: string): Promise<void> {
  expect(Buffer.from(await readFile(out)).equals(Buffer.from(previous)), 'previous EPUB byte-identical').toBe(true)
}

/**
 * A signal that lands while the EPUB is written may come just after the
 * rename: then the build had finished. Either way the file is one whole book,
 * the previous or the complete new one, never a part.
 */
async function expectWhole(out: string): Promise<'previous' | 'complete'> {
  const bytes = Buffer.from(await readFile(out))
  if (bytes.equals(Buffer.from(previous))) return 'previous'
  expect(bytes.equals(Buffer.from(complete)), 'the previous EPUB or the complete new one, nothing in between').toBe(true)
  return 'complete'
}

describe('a build killed halfway', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the book is being built: previous EPUB kept, no temporary file, no stack trace`, async () => {
      const { folder, out } = await prepare(`during-${signal}`)
      const { child, ended, building } = start(out)
      // The CLI's first stage line: loading 2.4 MB of Markdown begins.
      await building
      child.kill(signal)
      const result = await ended
      // While building, the signal keeps its default action and ends the process at once
      // (a shell reports 130 or 143); only the write phase catches it (src/cli/interrupts.ts).
      expect(result.signal, result.stderr).toBe(signal)
      expect(result.stderr).not.toMatch(STACK_TRACE)
      await expectPrevious(out)
      expect(await readdir(folder)).toEqual(['book.epub'])
    })

    it(`${signal} while the EPUB is being written: a whole EPUB, old or new, and no temporary file`, async () => {
      const { folder, out } = await prepare(`writing-${signal}`)
      const appears = temporaryAppears(folder)
      const { child, ended } = start(out)
      await appears
      child.kill(signal)
      const result = await ended
      const left = await expectWhole(out)
      const code = signal === 'SIGINT' ? 130 : 143
      // What the CLI says matches what it left: an interrupted build keeps the
      // previous book; one that had renamed its file says it wrote it (the
      // signal may then come after the CLI let go of it, and end the process).
      if (left === 'previous') {
        expect(result.code, result.stderr.slice(-500)).toBe(code)
        expect(result.stderr).toMatch(/previous book was left as it was/)
      } else if (result.code === code) {
        expect(result.stderr.slice(-500)).toMatch(/written whole/)
      } else {
        // The CLI had finished and let go of the signal: it ended the process (or came too late).
        expect([0, null]).toContain(result.code)
      }
      expect(result.stderr).not.toMatch(STACK_TRACE)
      expect(await readdir(folder)).toEqual(['book.epub'])
    })
  }

  it('SIGKILL while building: previous EPUB kept; while writing: a whole EPUB, and the next build clears the temporary file', async () => {
    const { folder, out } = await prepare('sigkill')
    const during = start(out)
    await during.building
    during.child.kill('SIGKILL')
    expect((await during.ended).signal).toBe('SIGKILL')
    await expectPrevious(out)
    expect(await readdir(folder)).toEqual(['book.epub'])

    const appears = temporaryAppears(folder)
    const writing = start(out)
    await appears
    writing.child.kill('SIGKILL')
    await writing.ended
    await expectWhole(out)

    const next = await colophon(['build', join(ROOT, 'manuscript'), '--out', out], { cwd: work })
    expect(next.code, next.stderr).toBe(0)
    expect(await readdir(folder)).toEqual(['book.epub'])
  })
})
