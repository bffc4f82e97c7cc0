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
import { npmUserEnv } from './helpers/npm.ts'
import { unprivileged } from './helpers/user.ts'
import { epubcheckTs, openEpub } from './helpers/epub.ts'

const user = unprivileged()
let folder: string
let bin: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'colophon-install-'))
  // The plain user must reach the install and the manuscript.
  await chmod(folder, 0o755)
  const npm = (args: string[]): string => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: npmUserEnv() })
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
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(folder, tarball as string)], { cwd: project, stdio: 'ignore', env: npmUserEnv() })
    const run = execFileSync('npx', ['--no-install', 'colophon', '--version'], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: npmUserEnv() })
    expect(run.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it("follows the README's first hour in a project that depends on it: init, build, a font of the book's own", async () => {
    const project = join(folder, 'first-hour')
    await mkdir(project)
    await writeFile(join(project, 'package.json'), '{ "name": "my-books", "private": true }\n')
    const [tarball] = (await readdir(folder)).filter((name) => name.endsWith('.tgz'))
    execFileSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', join(folder, tarball as string)], { cwd: project, stdio: 'ignore', env: npmUserEnv() })
    const sh = (script: string, cwd: string): string => execFileSync('sh', ['-c', script], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: npmUserEnv({ SOURCE_DATE_EPOCH: '0' }) })
    const init = execFileSync('sh', ['-c', 'npx --no-install colophon init my-book 2>&1'], { cwd: project, encoding: 'utf8', env: npmUserEnv() })
    // `colophon` alone is not on PATH for a project's dependency.
    expect(init).toContain('build it with `cd my-book && npx colophon build`')
    const book = join(project, 'my-book')
    // The README's font commands, as written, with a font of the test's own for `~/fonts/…`.
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('**A font of your own**'))
    const commands = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    const css = /```css\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    expect(commands).toContain('colophon/templates/book.css')
    const fonts = join(folder, 'fonts')
    await mkdir(fonts, { recursive: true })
    await cp(join(ROOT, 'node_modules/@fontsource/eb-garamond/files/eb-garamond-latin-400-normal.woff2'), join(fonts, 'eb-garamond-400.woff2'))
    expect(commands).toContain('~/fonts/eb-garamond-400.woff2')
    sh(commands.replaceAll('~/fonts/', `${fonts}/`), book)
    await writeFile(join(book, 'manuscript/templates/book.css'), `${await readFile(join(book, 'manuscript/templates/book.css'), 'utf8')}\n${css}`)
    sh('npx --no-install colophon build 2>&1', book)
    const epub = new Uint8Array(await readFile(join(book, 'dist/my-book.epub')))
    const checked = await epubcheckTs(epub)
    expect(checked.messages).toEqual([])
    expect(checked.errors + checked.warnings).toBe(0)
    const opf = await (await openEpub(epub)).file('EPUB/content.opf')!.async('string')
    expect(opf).toMatch(/href="css\/fonts\/eb-garamond-400\.woff2" media-type="font\/woff2"/)
  })

  it('ships its bundle', async () => {
    const shipped = await readdir(join(folder, 'prefix', 'lib', 'node_modules', 'colophon', 'src', 'bundled'))
    expect(shipped).toEqual(expect.arrayContaining(['cli.js', 'api.js', 'worker.js', 'cover-worker.js', 'commonmark.js', 'html-parser.js', 'manifest.json']))
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
