import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, colophon, ROOT } from './helpers/cli.ts'
import { epubcheckTs } from './helpers/epub.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

/** The sample manuscript copied to `<tmp>/novel/`, as a writer's own folder. */
async function writersFolder(): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'colophon-here-')), 'novel')
  await cp(join(ROOT, 'manuscript'), folder, { recursive: true })
  return folder
}

/** Every file under `folder` but those in `dist/`, with a digest of its bytes. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = relative(folder, join(entry.parentPath, entry.name))
    if (path.startsWith('dist/')) continue
    files[path] = createHash('sha1').update(await readFile(join(folder, path))).digest('hex')
  }
  return files
}

/** A long-running command (`build --watch`, `preview`) with a way to wait for what it says on stderr. */
function running(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const waitFor = (pattern: RegExp, from = 0): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(stderr.slice(from))) {
          child.stderr.off('data', check)
          resolve()
        }
      }
      child.stderr.on('data', check)
      child.once('exit', () => reject(new Error(`colophon exited before ${pattern}:\n${stderr}`)))
      check()
    })
  return {
    waitFor,
    stderr: () => stderr,
    stop: (): Promise<void> => new Promise((resolve) => {
      child.once('close', () => resolve())
      child.kill('SIGINT')
    }),
  }
}

describe('colophon run in the folder that holds book.yaml', () => {
  it('`colophon build` builds that folder into its dist/, says where, and changes nothing else in it', async () => {
    const folder = await writersFolder()
    const before = await snapshot(folder)
    const run = await colophon(['build'], { cwd: folder, env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/^colophon: building this folder \(it holds book\.yaml\)$/m)
    expect(run.stderr).toMatch(/^colophon: wrote dist\/sequence\.epub \(\d+ KiB, epub\)$/m)
    expect(await readdir(join(folder, 'dist'))).toEqual(['sequence.epub'])
    // A second build reads nothing of dist/ as the book: the same bytes.
    const first = await readFile(join(folder, 'dist/sequence.epub'))
    expect((await colophon(['build'], { cwd: folder, env })).code).toBe(0)
    expect((await readFile(join(folder, 'dist/sequence.epub'))).equals(first)).toBe(true)
    expect((await epubcheckTs(new Uint8Array(first))).messages).toEqual([])
    expect(await snapshot(folder)).toEqual(before)
    // The same book as `colophon build novel` from the folder above.
    const out = join(folder, '..', 'beside.epub')
    expect((await colophon(['build', 'novel', '--out', out], { cwd: join(folder, '..'), env })).code).toBe(0)
    expect((await readFile(out)).equals(first)).toBe(true)
  })

  it('still refuses an --out elsewhere inside the manuscript', async () => {
    const folder = await writersFolder()
    const run = await colophon(['build', '--out', 'chapters/book.epub'], { cwd: folder, env })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/is inside the manuscript folder, expected a path outside it or in its dist\//)
  })

  it('`colophon lint` lints that folder', async () => {
    const folder = await writersFolder()
    const run = await colophon(['lint', '--format', 'json'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    const findings = JSON.parse(run.stdout) as Array<{ file: string }>
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((finding) => finding.file.startsWith('chapters/'))).toBe(true)
  })

  it('`colophon build --watch` rebuilds on a save, and its own write to dist/ does not set off another build', async () => {
    const folder = await writersFolder()
    const watcher = running(folder, ['build', '--watch'])
    try {
      await watcher.waitFor(/watching \. for changes/)
      const scene = join(folder, 'chapters/01-prologue/03-uhura.md')
      await writeFile(scene, `${await readFile(scene, 'utf8')}\nShe kept the last word for herself.\n`)
      await watcher.waitFor(/rebuilt in \d+ ms/)
      // Time for a rebuild the write to dist/ would have caused.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(watcher.stderr().match(/rebuilt in/g)).toHaveLength(1)
      expect(await readdir(join(folder, 'dist'))).toEqual(['sequence.epub'])
    } finally {
      await watcher.stop()
    }
  })

  it('`colophon preview` previews that folder', async () => {
    const folder = await writersFolder()
    const preview = running(folder, ['preview', '--no-open'])
    try {
      await preview.waitFor(/previewing \. at http:\/\/127\.0\.0\.1:\d+/)
    } finally {
      await preview.stop()
    }
    expect(await readdir(folder)).not.toContain('dist')
  })

  it('without book.yaml here nor a manuscript folder, says what it expected, exit 1', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-here-'))
    const run = await colophon(['build'], { cwd: folder })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/missing manuscript folder `manuscript`, expected a folder with book\.yaml and chapters\/ \(or run colophon in the folder that holds book\.yaml\)/)
  })
})
