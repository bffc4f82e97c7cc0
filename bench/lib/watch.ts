/**
 * Watch-mode latency: start `colophon build --watch`, wait for its first
 * build, then save one scene (append a sentence) several times and time
 * each save until colophon says the new EPUB is written. The scene is put
 * back as it was at the end.
 */
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

export interface WatchSample {
  /** From the save to the `rebuilt` line on stderr: what a writer waits. */
  savedToWrittenMs: number
  /** colophon's own figure: from the rebuild's start to the EPUB written. */
  rebuildMs: number
  /** CPU time (user + sys) of that rebuild, all threads: less at the mercy of a busy machine. */
  cpuMs: number
}

export async function measureWatch(command: readonly string[], cwd: string, scene: string, edits: number): Promise<WatchSample[]> {
  const [file, ...args] = command
  if (file === undefined) throw new Error('Unexpected empty command, expected a program and its arguments')
  const child = spawn(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  let waiting: { pattern: RegExp; from: number; resolve: (match: RegExpExecArray) => void } | undefined
  const check = (): void => {
    if (!waiting) return
    const match = waiting.pattern.exec(stderr.slice(waiting.from))
    if (match) {
      const { resolve } = waiting
      waiting = undefined
      resolve(match)
    }
  }
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    check()
  })
  const exited = new Promise<never>((_, reject) => child.once('exit', () => reject(new Error(`colophon --watch exited:\n${stderr.slice(-2_000)}`))))
  exited.catch(() => undefined)
  const waitFor = (pattern: RegExp): Promise<RegExpExecArray> =>
    Promise.race([new Promise<RegExpExecArray>((resolve) => {
      waiting = { pattern, from: stderr.length, resolve }
      check()
    }), exited])

  const path = join(cwd, scene)
  const original = await readFile(path, 'utf8')
  const samples: WatchSample[] = []
  try {
    await waitFor(/watching /)
    for (let edit = 1; edit <= edits; edit++) {
      await new Promise((resolve) => setTimeout(resolve, 400))
      const rebuilt = waitFor(/rebuilt in (\d+) ms, (\d+) ms CPU/)
      const start = performance.now()
      await writeFile(path, `${original}\nShe said "one more line - number ${edit}..." and left.\n`)
      const match = await rebuilt
      samples.push({ savedToWrittenMs: performance.now() - start, rebuildMs: Number(match[1]), cpuMs: Number(match[2]) })
    }
  } finally {
    child.kill('SIGINT')
    await writeFile(path, original)
  }
  return samples
}
