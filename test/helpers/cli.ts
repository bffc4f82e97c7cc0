import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../src/bin.js', import.meta.url))
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The build cache's home for the CLIs the tests spawn: one fresh folder per
 * test worker (the quick project's files share a worker's modules, the slow
 * project's do not), not the user's own `~/.cache/colophon`. A test that
 * needs a cache no other test has touched sets its own.
 */
export const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), 'colophon-cache-home-'))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Spawn the real CLI as a user would. */
export interface RunOptions {
  cwd?: string
  env?: Record<string, string>
  input?: string
  /** A command to run Node through (`setpriv …`, to run as another user): see helpers/user.ts. */
  prefix?: string[]
}

export function colophon(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return node([BIN, ...args], options)
}

/** Spawn Node on a script of the project (the CLI, or a bench script), collecting its output. */
export function node(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const [command, ...before] = [...(options.prefix ?? []), process.execPath]
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...before, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}
