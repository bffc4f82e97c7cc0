import { cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { colophon, node, ROOT } from './helpers/cli.ts'

/**
 * colophon laid out as each kind of install puts it, without Ace: its own
 * files copied, its dependencies linked from this checkout's node_modules
 * but for `@daisy/` (Ace). Returns the package folder.
 */
async function installed(base: string, where: string, project?: boolean): Promise<string> {
  const pkg = join(base, where)
  await mkdir(join(pkg, 'node_modules'), { recursive: true })
  for (const part of ['src', 'templates', 'package.json']) await cp(join(ROOT, part), join(pkg, part), { recursive: true })
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry === '@daisy' || entry === '.cache' || entry === '.bin') continue
    await symlink(join(ROOT, 'node_modules', entry), join(pkg, 'node_modules', entry))
  }
  if (project) await writeFile(join(pkg, '../../package.json'), '{ "name": "my-books", "private": true }\n')
  return pkg
}

describe('colophon check without Ace says how to add it for how colophon was installed', () => {
  let book: string
  let base: string
  let noTools: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'colophon-install-'))
    book = join(base, 'book.epub')
    const run = await colophon(['build', 'manuscript', '--out', book, '--no-cache'])
    expect(run.code, run.stderr).toBe(0)
    // A PATH with neither java, ace nor chromium on it.
    noTools = join(base, 'empty-path')
    await mkdir(noTools)
  })

  const kinds: Array<[string, string, boolean, RegExp]> = [
    ['a global install', 'prefix/lib/node_modules/colophon', false, /colophon is installed globally: PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy\/ace-cli\)/],
    ["a project's dependency", 'my-books/node_modules/colophon', true, /colophon is a dependency of this project: PUPPETEER_SKIP_DOWNLOAD=1 npm install --save-dev @daisy\/ace-cli\)/],
    ['npx', 'npm-cache/_npx/0123abcd/node_modules/colophon', false, /colophon runs through npx: npx --package colophon --package @daisy\/ace-cli colophon check BOOK\.epub, or PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy\/ace-cli\)/],
    ['a checkout', 'colophon', false, /in colophon's own folder: PUPPETEER_SKIP_DOWNLOAD=1 npm install \(@daisy\/ace-cli is one of its dev dependencies\)/],
  ]
  for (const [kind, where, project, advice] of kinds) {
    it(`from ${kind}`, async () => {
      const pkg = await installed(base, where, project)
      const run = await node([join(pkg, 'src/bin.js'), 'check', book], { env: { PATH: noTools, EPUBCHECK_JAR: '' } })
      expect(run.code, run.stderr).toBe(0)
      const line = run.stdout.split('\n').find((text) => text.includes('Ace by DAISY'))
      expect(line, run.stdout).toMatch(/Ace by DAISY: skipped, Ace by DAISY is not installed \(/)
      expect(line).toMatch(advice)
      expect(run.stdout).toMatch(/Java EPUBCheck: skipped, .*apt-get install epubcheck; elsewhere .*EPUBCHECK_JAR=/)
    })
  }

  it('finds an Ace installed globally (the `ace` program on PATH) whatever installed colophon', async () => {
    const pkg = await installed(base, 'elsewhere/lib/node_modules/colophon')
    const withAce = join(base, 'path-with-ace')
    await mkdir(withAce)
    await symlink(join(ROOT, 'node_modules/@daisy/ace-cli/bin/ace.js'), join(withAce, 'ace'))
    const run = await node([join(pkg, 'src/bin.js'), 'check', book], { env: { PATH: withAce, EPUBCHECK_JAR: '', PUPPETEER_EXECUTABLE_PATH: '' } })
    // Found: what it lacks now is a browser, not itself.
    expect(run.stdout).toMatch(/Ace by DAISY: skipped, Ace needs Chromium, which is not installed/)
  })
})

describe('the next step colophon prints is a command that runs for how colophon was installed', () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'colophon-next-step-'))
  })

  // `colophon` alone is on PATH only after a global install; a project's dependency and npx need `npx colophon`.
  const kinds: Array<[string, string, boolean, string]> = [
    ['a global install', 'global/lib/node_modules/colophon', false, 'colophon'],
    ["a project's dependency", 'project/node_modules/colophon', true, 'npx colophon'],
    ['npx', 'npm-cache/_npx/4567cdef/node_modules/colophon', false, 'npx colophon'],
  ]
  for (const [kind, where, project, command] of kinds) {
    it(`init and import, from ${kind}`, async () => {
      const pkg = await installed(base, where, project)
      const work = await mkdtemp(join(base, 'work-'))
      const init = await node([join(pkg, 'src/bin.js'), 'init', 'my-book'], { cwd: work })
      expect(init.code, init.stderr).toBe(0)
      expect(init.stderr).toContain(`build it with \`cd my-book && ${command} build\`, read it with \`${command} preview\``)
      await writeFile(join(work, 'story.md'), '---\ntitle: A Story\nauthor: A. Writer\nlang: en\n---\n\n# One\n\nThe first words.\n\n# Two\n\nThe last words.\n')
      const imported = await node([join(pkg, 'src/bin.js'), 'import', 'story.md'], { cwd: work })
      expect(imported.code, imported.stderr).toBe(0)
      expect(imported.stderr).toContain(`build it with \`${command} build a-story\``)
      const built = await node([join(pkg, 'src/bin.js'), 'build', 'story.md', '--out', 'story.epub', '--no-cache'], { cwd: work })
      expect(built.code, built.stderr).toBe(0)
      expect(built.stderr).toContain(`\`${command} import story.md --dry-run\` lists`)
    })
  }
})
