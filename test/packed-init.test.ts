import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { node, ROOT } from './helpers/cli.ts'
import { epubcheckTs } from './helpers/epub.ts'
import { STACK_TRACE } from './helpers/report.ts'

/**
 * Issue 18's "Done when", its last line: a new book from the package as npm
 * packs it. In the slow project: `npm pack` runs `prepack`, which bundles
 * the sources, and takes longer than the quick loop's whole budget.
 */
describe('a new book from the packed package', () => {
  it('`colophon init` then `colophon build` in an empty folder gives a valid book', async () => {
    const work = await mkdtemp(join(tmpdir(), 'colophon-pack-'))
    const { stdout } = await promisify(execFile)('npm', ['pack', '--pack-destination', work, '--json'], { cwd: ROOT })
    const { filename } = (JSON.parse(stdout) as Array<{ filename: string }>)[0]!
    await promisify(execFile)('tar', ['-xzf', join(work, filename), '-C', work])
    // The package as npm unpacks it, with the dependencies already installed here (no registry in a test).
    await symlink(join(ROOT, 'node_modules'), join(work, 'package/node_modules'), 'dir')
    const bin = join(work, 'package/src/bin.js')
    const empty = join(work, 'my-book')
    await mkdir(empty)
    const init = await node([bin, 'init'], { cwd: empty })
    expect(init.code, init.stderr).toBe(0)
    const build = await node([bin, 'build'], { cwd: empty })
    expect(build.code, build.stderr).toBe(0)
    expect(build.stderr).not.toMatch(STACK_TRACE)
    const report = await epubcheckTs(new Uint8Array(await readFile(join(empty, 'dist/my-book.epub'))))
    expect(report.messages).toEqual([])
  }, 300_000)
})
