import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, colophon, node, ROOT } from './helpers/cli.ts'

describe('colophon CLI', () => {
  it('prints help with an example for the program and every command, exit 0', async () => {
    for (const args of [['--help'], ['build', '--help'], ['typeset', '--help']]) {
      const run = await colophon(args)
      expect(run.code, args.join(' ')).toBe(0)
      expect(run.stdout).toMatch(/Usage: colophon/)
      expect(run.stdout).toMatch(/Example/)
    }
  })

  it('stops quietly, exit 0, when its reader stops reading (colophon --help | head -1)', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      // Like `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy())
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stderr }))
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
  })

  it('prints its version', async () => {
    const run = await colophon(['--version'])
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe(pkg.version)
  })

  it('exits 2 with usage on an unknown flag or command', async () => {
    for (const args of [['build', '--frobnicate'], ['frobnicate'], ['typeset', '--format', 'pdf']]) {
      const run = await colophon(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/error: /)
      expect(run.stderr).toMatch(/--help/)
      expect(run.stdout).toBe('')
    }
  })

  it('builds when Node is given V8 options, which its threads refuse (node --max-old-space-size=… colophon build)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-cli-'))
    const run = await node(['--max-old-space-size=2048', BIN, 'build', 'manuscript', '--out', join(folder, 'book.epub')])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/wrote .*book\.epub/)
  })

  it('builds the sample book into dist/ and prints nothing on standard output', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-cli-'))
    const out = join(folder, 'sample.epub')
    const run = await colophon(['build', 'manuscript', '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/wrote .*sample\.epub/)
    expect((await readFile(out)).subarray(30, 38).toString()).toBe('mimetype')
  })

  it('exits 1 naming the folder, with no stack trace, when the manuscript is missing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-cli-'))
    const run = await colophon(['build', 'nowhere'], { cwd: folder })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/nowhere/)
    expect(run.stderr).toMatch(/expected a folder with book\.yaml/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 1 at file:line:col for bad metadata and writes nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-cli-'))
    await mkdir(join(folder, 'book/chapters/01-one'), { recursive: true })
    await writeFile(join(folder, 'book/book.yaml'), 'title: Test\nauthor: Someone\nlanguage: en\ntitel: Oops\n')
    await writeFile(join(folder, 'book/chapters/01-one/01-scene.md'), 'Text.\n')
    const run = await colophon(['build', 'book', '--out', 'out.epub'], { cwd: folder })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/book\/book\.yaml:?\s*4:1/)
    expect(run.stderr).toMatch(/did you mean `title`/)
    await expect(readFile(join(folder, 'out.epub'))).rejects.toThrow()
  })

  it('typesets standard input as text or XHTML', async () => {
    const text = await colophon(['typeset', '--format', 'text'], { input: 'He said "wait - no."\n' })
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toBe('He said “wait\u2060—no.”\n')
    const xhtml = await colophon(['typeset'], { input: 'One\n\n. o .\n\n*Two*\n' })
    expect(xhtml.stdout).toBe('<p>One</p>\n<hr class="scene-break" role="separator" aria-label="Scene break" />\n<p><em>Two</em></p>\n')
  })
})
