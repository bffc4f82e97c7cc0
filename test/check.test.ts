import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { colophon } from './helpers/cli.ts'
import { BOOKS, buildBook, rezip, type BuiltBook } from './helpers/books.ts'
import { hasJavaEpubcheck } from './helpers/epub.ts'

const inCi = process.env.CI === 'true'
const hasChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((path) => existsSync(path))

describe('colophon check', () => {
  let folder: string
  let sample: BuiltBook
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'colophon-check-'))
    sample = await buildBook(BOOKS.sample)
  }, 120_000)

  // Each check runs Java EPUBCheck and Ace (a headless Chromium): minutes on a busy machine.
  const SLOW = 400_000

  it('says what it does, with an example', async () => {
    const run = await colophon(['check', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/epubcheck-ts/)
    expect(run.stdout).toMatch(/Examples?:\n\s+\$ colophon check /)
  })

  it('passes the sample book: one report naming every checker, exit 0', async () => {
    const run = await colophon(['check', sample.path])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toBe(sample.path)
    expect(run.stdout).toMatch(/^ {2}colophon \(OCF, well-formed XML, manifest and references\): 0 errors, 0 warnings$/m)
    expect(run.stdout).toMatch(/^ {2}epubcheck-ts: 0 errors, 0 warnings$/m)
    if (hasJavaEpubcheck || inCi) expect(run.stdout).toMatch(/^ {2}Java EPUBCheck [\d.]+: 0 errors, 0 warnings$/m)
    else expect(run.stdout).toMatch(/^ {2}Java EPUBCheck: skipped, .*apt-get install epubcheck/m)
    if (hasChromium || inCi) expect(run.stdout).toMatch(/^ {2}Ace by DAISY: 0 errors, 0 warnings$/m)
    else expect(run.stdout).toMatch(/^ {2}Ace by DAISY: skipped, /m)
    expect(lines.at(-1)).toBe('0 errors, 0 warnings')
  }, SLOW)

  it('fails a broken EPUB with each problem at its place, exit 1', async () => {
    const broken = await rezip(sample.zip, (zip) => {
      zip.remove('EPUB/text/colophon.xhtml')
      zip.file('EPUB/text/titlepage.xhtml', '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n<body><p>unclosed</body>\n</html>\n')
    })
    const path = join(folder, 'broken.epub')
    await writeFile(path, broken)
    const run = await colophon(['check', path])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^ {4}EPUB\/text\/titlepage\.xhtml:3:\d+ error Unexpected malformed XML: .* \(well-formed\)$/m)
    expect(run.stdout).toMatch(/^ {2}epubcheck-ts: [1-9]\d* errors?, /m)
    expect(run.stdout).toMatch(/colophon\.xhtml.*\((RSC-001|OPF-\d+)\)|\(RSC-001\).*colophon\.xhtml/)
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* errors?, \d+ warnings?$/)
    expect(run.stderr).toMatch(/did not pass/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  }, SLOW)

  it('fails a file that is not an EPUB at all, exit 1', async () => {
    const path = join(folder, 'not-a-zip.epub')
    await writeFile(path, 'plain text, not a zip')
    const run = await colophon(['check', path])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/error Unexpected file that is not a zip/)
  })

  it('checks several books at once (`dist/*.epub` after `build --target all`): a report each, exit 1 naming the one that failed', async () => {
    const bad = join(folder, 'several-bad.epub')
    await writeFile(bad, 'plain text, not a zip')
    // Without Java and Chromium on PATH: colophon's own checks and epubcheck-ts, which is what this is about.
    const noTools = await mkdtemp(join(tmpdir(), 'colophon-no-tools-'))
    const run = await colophon(['check', sample.path, bad], { env: { PATH: noTools, EPUBCHECK_JAR: '' } })
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout.split('\n').filter((line) => line === sample.path || line === bad)).toEqual([sample.path, bad])
    expect(run.stdout).toMatch(/^ {2}epubcheck-ts: 0 errors, 0 warnings$/m)
    expect(run.stdout).toMatch(/error Unexpected file that is not a zip/)
    expect(run.stderr).toContain(`${bad} did not pass`)
    expect(run.stderr).not.toContain(`${sample.path} did not pass`)
    // A name that is no file stops it before any book is checked.
    const missing = await colophon(['check', sample.path, join(folder, 'nowhere.epub')], { env: { PATH: noTools, EPUBCHECK_JAR: '' } })
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
  }, SLOW)

  it('exits 2 when the file is missing', async () => {
    const run = await colophon(['check', join(folder, 'nowhere.epub')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/is not a file, expected an EPUB/)
  })

  it.runIf(hasJavaEpubcheck || inCi)('passes warnings by default and fails them with --frail', async () => {
    const warned = await rezip(sample.zip, (zip) => {
      zip.file('EPUB/extra.txt', 'a file the manifest does not list')
    })
    const path = join(folder, 'warned.epub')
    await writeFile(path, warned)
    const lenient = await colophon(['check', path])
    expect(lenient.code, lenient.stdout).toBe(0)
    expect(lenient.stdout).toMatch(/warning .*extra\.txt.* \(OPF-003\)/)
    expect(lenient.stdout.trim().split('\n').at(-1)).toMatch(/^0 errors, [1-9]\d* warnings?$/)
    const frail = await colophon(['check', path, '--frail'])
    expect(frail.code).toBe(1)
    expect(frail.stderr).toMatch(/warnings, with --frail/)
  }, SLOW)
})
