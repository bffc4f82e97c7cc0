import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { wellFormedError } from '../src/verify/index.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { entryText, epubcheckJava, epubcheckTs, hasJavaEpubcheck, openEpub } from './helpers/epub.ts'
import { makeHostile, readHostile } from './helpers/hostile.ts'
import { parseReport, STACK_TRACE } from './helpers/report.ts'
import { unprivileged } from './helpers/user.ts'

/**
 * The corpus of broken manuscripts: each folder under test/fixtures/broken/
 * holds a manuscript and an `expected.json` with the messages the real CLI
 * must print (file, line, column, severity, a fragment of the reason) and its
 * exit code. A failing build must leave the previous EPUB byte-identical and
 * nothing else in the output folder; a build with warnings must write a book
 * that epubcheck-ts passes with no errors and no warnings. A case's
 * `hostile.json` names the links, FIFOs, sockets and unreadable files its
 * copy gets first (helpers/hostile.ts); with unreadable files the CLI runs as
 * a plain user (made by the test when it runs as root), and where that cannot
 * be done the case is skipped, its title saying why.
 */
interface Expected {
  description: string
  exit: number
  args?: string[]
  builds?: boolean
  messages: Array<{ file: string; line?: number; column?: number; severity: 'error' | 'warning'; reason: string }>
  stderr?: string
  unchanged?: string[]
  xhtmlContains?: string[]
  xhtmlLacks?: string[]
  xhtmlFiles?: string[]
  opfContains?: string[]
}

const CORPUS = join(ROOT, 'test/fixtures/broken')
const cases = (await readdir(CORPUS, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
/** Also validated with Java EPUBCheck (slower: one JVM each). */
const JAVA_CHECKED = new Set(['image-valid', 'names-spaces-non-ascii', 'html-allowed', 'template-font-valid', 'svg-doctype-external', 'nested-lists-100-ok', 'description-remote-image', 'kobo-cdata-end'])

/** How to run the CLI as a user that file modes apply to, or why that cannot be done here. */
const USER = unprivileged()
const needsUser = new Set<string>()
for (const name of cases) if ((await readHostile(join(CORPUS, name)))?.unreadable) needsUser.add(name)
const runnable = typeof USER === 'string' ? cases.filter((name) => !needsUser.has(name)) : cases
const skipped = typeof USER === 'string' ? cases.filter((name) => needsUser.has(name)) : []

let previous: Uint8Array

beforeAll(async () => {
  previous = (await build(join(ROOT, 'manuscript'), { env: {} })).epub
})

describe('the corpus of broken manuscripts', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  if (skipped.length > 0) it.skip.each(skipped)(`%s (skipped: ${String(USER)})`, () => undefined)

  it.concurrent.each(runnable)('%s', async (name) => {
    const expected = JSON.parse(await readFile(join(CORPUS, name, 'expected.json'), 'utf8')) as Expected
    const work = await mkdtemp(join(tmpdir(), `colophon-broken-${name}-`))
    await cp(join(CORPUS, name), work, { recursive: true, verbatimSymlinks: true })
    await mkdir(join(work, 'dist'))
    const out = join(work, 'dist/book.epub')
    await writeFile(out, previous)
    const unchanged = new Map<string, Buffer>()
    for (const path of expected.unchanged ?? []) unchanged.set(path, await readFile(join(work, path)))

    const hostile = await readHostile(join(CORPUS, name))
    const user = hostile?.unreadable && typeof USER !== 'string' ? USER : undefined
    const undo = hostile ? await makeHostile(work, hostile, user) : async () => undefined
    const run = await colophon(expected.args ?? ['build', 'manuscript', '--out', 'dist/book.epub'], {
      cwd: work,
      env: { SOURCE_DATE_EPOCH: '' },
      prefix: user?.prefix,
    }).finally(undo)

    expect(run.code, run.stderr).toBe(expected.exit)
    expect(run.stdout).toBe('')
    expect(run.stderr).not.toMatch(STACK_TRACE)
    // File-system failures are told in words, about paths relative to where the CLI runs.
    expect(run.stderr).not.toMatch(/\bE(NOENT|LOOP|ACCES|PERM|ISDIR|NOTDIR|NXIO|AGAIN|IO|MFILE|NFILE|NAMETOOLONG|SPIPE|BUSY|ROFS|NOSPC|EXIST)\b/)
    expect(run.stderr).not.toContain(work)
    if (expected.stderr) expect(run.stderr).toContain(expected.stderr)
    const reported = parseReport(run.stderr)
    for (const want of expected.messages) {
      const found = reported.find(
        (got) =>
          got.file === want.file &&
          got.severity === want.severity &&
          got.reason.includes(want.reason) &&
          (want.line === undefined || (got.line === want.line && got.column === want.column)),
      )
      expect(found, `${JSON.stringify(want)} in:\n${run.stderr}`).toBeDefined()
    }
    const errors = reported.filter((message) => message.severity === 'error')
    expect(errors.length, run.stderr).toBe(expected.messages.filter((message) => message.severity === 'error').length)
    if (expected.builds && expected.messages.length === 0) expect(reported, 'accepted silently').toEqual([])
    for (const [path, bytes] of unchanged) expect(await readFile(join(work, path)), path).toEqual(bytes)

    const left = await readdir(join(work, 'dist'))
    expect(left, 'no temporary or partial file').toEqual(['book.epub'])
    const written = new Uint8Array(await readFile(out))
    if (!expected.builds) {
      expect(Buffer.from(written).equals(Buffer.from(previous)), 'previous EPUB byte-identical').toBe(true)
      return
    }
    expect(Buffer.from(written).equals(Buffer.from(previous))).toBe(false)
    const report = await epubcheckTs(written)
    expect(report.messages).toEqual([])
    const zip = await openEpub(written)
    const xhtml: string[] = []
    for (const path of Object.keys(zip.files).filter((entry) => entry.endsWith('.xhtml')).sort()) {
      const text = await entryText(zip, path)
      expect(wellFormedError(text), path).toBeUndefined()
      if (path.startsWith('EPUB/text/')) xhtml.push(text)
    }
    const all = xhtml.join('\n')
    for (const fragment of expected.xhtmlContains ?? []) expect(all).toContain(fragment)
    for (const fragment of expected.xhtmlLacks ?? []) expect(all).not.toContain(fragment)
    for (const path of expected.xhtmlFiles ?? []) expect(zip.file(`EPUB/${path}`), path).not.toBeNull()
    const opf = await entryText(zip, 'EPUB/content.opf')
    for (const fragment of expected.opfContains ?? []) expect(opf).toContain(fragment)
    if (JAVA_CHECKED.has(name) && (hasJavaEpubcheck || process.env.CI === 'true')) {
      const java = await epubcheckJava(written)
      expect(java.messages).toEqual([])
    }
  }, 300_000)
})
