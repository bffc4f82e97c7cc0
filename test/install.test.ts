// colophon installed as users install an npm CLI: `npm pack`, then a global
// install of the tarball, run by root and by a plain user who cannot write
// inside the install. Both must run the packed bundle (no fallback to tsx)
// and make the same bytes (docs/decisions/0029-bundle-when-packed.md).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { node, ROOT } from './helpers/cli.ts'
import { unprivileged } from './helpers/user.ts'

const user = unprivileged()
let folder: string
let bin: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'colophon-install-'))
  // The plain user must reach the install and the manuscript.
  await chmod(folder, 0o755)
  const npm = (args: string[]): string => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  // `npm pack` runs `prepack`, which makes the bundle the tarball ships.
  npm(['pack', '--pack-destination', folder])
  const [tarball] = (await readdir(folder)).filter((name) => name.endsWith('.tgz'))
  npm(['install', '-g', '--prefix', join(folder, 'prefix'), '--no-audit', '--no-fund', '--prefer-offline', join(folder, tarball as string)])
  bin = join(folder, 'prefix', 'lib', 'node_modules', 'colophon', 'src', 'bin.js')
  await cp(join(ROOT, 'manuscript'), join(folder, 'book'), { recursive: true })
  execFileSync('chmod', ['-R', 'a+rX', folder])
}, 600_000)

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

describe('an installed package', () => {
  it('runs as `npx colophon` in a project that depends on it', async () => {
    const project = join(folder, 'project')
    await mkdir(project)
    await writeFile(join(project, 'package.json'), '{ "name": "a-book", "private": true }\n')
    const [tarball] = (await readdir(folder)).filter((name) => name.endsWith('.tgz'))
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(folder, tarball as string)], { cwd: project, stdio: 'ignore' })
    const run = execFileSync('npx', ['--no-install', 'colophon', '--version'], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(run.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('ships its bundle', async () => {
    const shipped = await readdir(join(folder, 'prefix', 'lib', 'node_modules', 'colophon', 'src', 'bundled'))
    expect(shipped).toEqual(expect.arrayContaining(['cli.js', 'api.js', 'worker.js', 'cover-worker.js', 'commonmark.js', 'manifest.json']))
  })

  it.skipIf(typeof user === 'string')(`builds the same bytes for root and for a plain user, from the bundle${typeof user === 'string' ? ` (skipped: ${user})` : ''}`, async () => {
    if (typeof user === 'string') return
    const out = join(folder, 'out')
    await mkdir(out)
    if (user.owner) await chown(out, user.owner.uid, user.owner.gid)
    const env = { SOURCE_DATE_EPOCH: '0', XDG_CACHE_HOME: join(out, 'cache'), HOME: out }
    const asUser = await node([bin, 'build', 'book', '--out', join(out, 'user.epub')], { cwd: folder, env, prefix: user.prefix })
    expect(asUser.stderr).not.toMatch(/tsx|slower/)
    expect(asUser.code, asUser.stderr).toBe(0)
    const asOwner = await node([bin, 'build', 'book', '--out', join(out, 'owner.epub')], { cwd: folder, env: { ...env, XDG_CACHE_HOME: join(folder, 'owner-cache') } })
    expect(asOwner.stderr).not.toMatch(/tsx|slower/)
    expect(asOwner.code, asOwner.stderr).toBe(0)
    expect(Buffer.compare(await readFile(join(out, 'user.epub')), await readFile(join(out, 'owner.epub')))).toBe(0)
    // Neither run wrote inside the install (where older versions kept their bundle).
    expect(existsSync(join(folder, 'prefix', 'lib', 'node_modules', 'colophon', 'node_modules', '.cache'))).toBe(false)
  })
})
