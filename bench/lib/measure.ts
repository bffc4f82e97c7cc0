/**
 * Run one command and measure it: wall time (our own monotonic clock around
 * the child), CPU time (user + sys) and peak resident set size.
 *
 * CPU and peak RSS come from the kernel's rusage of the finished child, read
 * through GNU time (`/usr/bin/time -f '%U %S %M'`), which reports `ru_maxrss`
 * of the command including any children it waited for. Without GNU time, on
 * Linux, we poll `/proc/<pid>/status` (VmHWM) and `/proc/<pid>/stat` of the
 * direct child every few milliseconds: close, but it misses grandchildren and
 * the last few milliseconds. Elsewhere only wall time is reported.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

export type Method = 'gnu-time' | 'proc-poll' | 'wall-only'

export interface Sample {
  ok: boolean
  wallS: number
  cpuS?: number
  peakRssMiB?: number
  /** The tail of stderr when the command failed. */
  error?: string
  /** The last few KiB of stderr (colophon's stage lines). */
  stderr?: string
}

const gnuTime = '/usr/bin/time'
const pollMs = 5

/** The best measuring method this machine supports. */
export function detectMethod(): Method {
  const probe = spawnSync(gnuTime, ['-f', '%M', 'true'], { encoding: 'utf8' })
  if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) return 'gnu-time'
  try {
    readFileSync('/proc/self/status')
    return 'proc-poll'
  } catch {
    return 'wall-only'
  }
}

export function describeMethod(method: Method): string {
  switch (method) {
    case 'gnu-time': return 'GNU time (rusage of the finished child: ru_utime + ru_stime, ru_maxrss)'
    case 'proc-poll': return `polling /proc/<pid>/status VmHWM and /proc/<pid>/stat every ${pollMs} ms (direct child only)`
    case 'wall-only': return 'wall time only (no GNU time, no /proc)'
  }
}

interface Exit {
  code: number | null
  wallS: number
  stderr: string
}

/** Spawn, keep the tail of stderr, time from spawn to exit. */
function run(command: readonly string[], cwd: string, onSpawn?: (pid: number) => void): Promise<Exit> {
  const [file, ...args] = command
  if (file === undefined) throw new Error('Unexpected empty command, expected a program and its arguments')
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4_000)
    })
    child.on('error', (error) => resolve({ code: null, wallS: (performance.now() - start) / 1000, stderr: error.message }))
    if (child.pid !== undefined) onSpawn?.(child.pid)
    // Time stops at exit; resolve once stderr is drained too.
    let wallS = 0
    child.on('exit', () => {
      wallS = (performance.now() - start) / 1000
    })
    child.on('close', (code) => resolve({ code, wallS, stderr }))
  })
}

const failed = (exit: Exit): Sample => ({ ok: false, wallS: exit.wallS, error: exit.stderr.trim().split('\n').slice(-3).join(' | ') })

export async function measure(command: readonly string[], cwd: string, method: Method): Promise<Sample> {
  if (method === 'gnu-time') return measureWithTime(command, cwd)
  if (method === 'proc-poll') return measureByPolling(command, cwd)
  const exit = await run(command, cwd)
  return exit.code === 0 ? { ok: true, wallS: exit.wallS, stderr: exit.stderr } : failed(exit)
}

async function measureWithTime(command: readonly string[], cwd: string): Promise<Sample> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-bench-'))
  const stats = join(folder, 'rusage')
  try {
    // `-o` keeps the figures out of the command's own stderr.
    const exit = await run([gnuTime, '-f', '%U %S %M', '-o', stats, ...command], cwd)
    if (exit.code !== 0) return failed(exit)
    // The figures are on the last line; GNU time may write notes above it.
    const last = (await readFile(stats, 'utf8')).trim().split('\n').at(-1) ?? ''
    const [user, system, maxRssKiB] = last.split(' ').map(Number)
    return { ok: true, wallS: exit.wallS, cpuS: (user ?? 0) + (system ?? 0), peakRssMiB: (maxRssKiB ?? 0) / 1024, stderr: exit.stderr }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

const clockTicks = (): number => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  return Number(result.stdout.trim()) || 100
}

async function measureByPolling(command: readonly string[], cwd: string): Promise<Sample> {
  const ticks = clockTicks()
  let peakKiB = 0
  let cpuTicks = 0
  let timer: NodeJS.Timeout | undefined
  const sample = (pid: number): void => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
      // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
    } catch {
      // The child has exited between two polls; keep the last figures.
    }
  }
  const exit = await run(command, cwd, (pid) => {
    sample(pid)
    timer = setInterval(() => sample(pid), pollMs)
  })
  clearInterval(timer)
  if (exit.code !== 0) return failed(exit)
  return { ok: true, wallS: exit.wallS, cpuS: cpuTicks / ticks, peakRssMiB: peakKiB / 1024, stderr: exit.stderr }
}
