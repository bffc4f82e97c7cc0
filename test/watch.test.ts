import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, colophon, ROOT, TEST_CACHE_HOME } from './helpers/cli.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

/** The real CLI in watch mode, with a way to wait for what it says on stderr. */
function watchCli(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, 'build', ...args, '--watch'], { cwd, env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  let stdout = ''
  const waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = []
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  }
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    check()
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  return {
    /** Resolves when `pattern` appears in stderr written after this call. */
    waitFor: (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, from: stderr.length, resolve })
        child.once('exit', () => reject(new Error(`colophon exited before ${pattern}:\n${stderr}`)))
      }),
    stop: (): Promise<void> => new Promise((resolve) => {
      child.once('close', () => resolve())
      child.kill('SIGINT')
    }),
    output: () => ({ stderr, stdout }),
  }
}

describe('colophon build --watch', () => {
  it('rebuilds when a scene is saved, byte-identical to a full build, and keeps the last book when an edit breaks it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-watch-'))
    await cp(join(ROOT, 'manuscript'), join(folder, 'manuscript'), { recursive: true })
    const watcher = watchCli(folder, ['manuscript', '--out', 'watched.epub'])
    try {
      await watcher.waitFor(/watching manuscript/)
      const scene = join(folder, 'manuscript/chapters/01-prologue/03-uhura.md')
      const rebuilt = watcher.waitFor(/rebuilt in \d+ ms, \d+ ms CPU \(1 texts typeset/)
      await writeFile(scene, `${await readFile(scene, 'utf8')}\n"Hailing frequencies open - sir..." she said.\n`)
      await rebuilt
      const full = await colophon(['build', 'manuscript', '--out', 'full.epub', '--no-cache'], { cwd: folder, env })
      expect(full.code, full.stderr).toBe(0)
      const watched = await readFile(join(folder, 'watched.epub'))
      expect(watched.equals(await readFile(join(folder, 'full.epub')))).toBe(true)

      // A bad edit: messages, the previous book stays, and watching goes on.
      const failed = watcher.waitFor(/rebuild failed/)
      await writeFile(join(folder, 'manuscript/book.yaml'), 'title: [unclosed\n')
      await failed
      expect(watcher.output().stderr).toMatch(/book\.yaml/)
      expect((await readFile(join(folder, 'watched.epub'))).equals(watched)).toBe(true)
      expect(watcher.output().stdout).toBe('')
    } finally {
      await watcher.stop()
    }
  })
})
