import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BookError, build, kindleRules, type PreflightOptions } from '../src/index.ts'
import { colophon, ROOT } from './helpers/cli.ts'

const FIXTURES = join(ROOT, 'test', 'fixtures', 'preflight')

/** A fixture may carry preflight options (the size budget's is small, so the fixture can be). */
async function optionsOf(dir: string): Promise<PreflightOptions | undefined> {
  const path = join(dir, 'preflight.json')
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as PreflightOptions) : undefined
}

async function rejection(promise: Promise<unknown>): Promise<BookError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(BookError)
  return error as BookError
}

describe('the Send-to-Kindle preflight', () => {
  it('has one failing fixture book per rule, and a rule for every fixture', async () => {
    expect((await readdir(FIXTURES)).sort()).toEqual(kindleRules.map((rule) => rule.id).sort())
  })

  it.each(kindleRules.map((rule) => rule.id))('rejects the %s fixture by that rule alone, naming the file', async (id) => {
    const dir = join(FIXTURES, id)
    const error = await rejection(build(dir, { env: {}, targets: ['kindle'], preflight: await optionsOf(dir), lint: false }))
    expect(error.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining([id]))
    expect(new Set(error.messages.map((message) => message.ruleId))).toEqual(new Set([id]))
    for (const message of error.messages) {
      expect(message.file).toMatch(/^preflight-[\w-]+\.kindle\.epub\/(META-INF|EPUB)\/[\w./-]+$/)
      expect(message.reason).toMatch(/^Unexpected .*expected/)
      expect(message.reason).toContain(`\`${id}\``)
      expect(message.source).toBe('kindle-preflight')
    }
  })

  it('lets the same books through as generic EPUBs, where the rule does not apply', async () => {
    for (const id of ['supported-language', 'no-css-custom-properties', 'size-budget', 'toc-visible']) {
      const result = await build(join(FIXTURES, id), { env: {}, targets: ['epub'], lint: false })
      expect(result.outputs.map((output) => output.target)).toEqual(['epub'])
    }
  })

  it('through the CLI: exits 1 at file:line:col with the rule, and writes no target at all', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-preflight-'))
    const run = await colophon(['build', join(FIXTURES, 'no-css-custom-properties'), '--target', 'all', '--out', folder])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/preflight-no-css-custom-properties\.kindle\.epub\/EPUB\/css\/book\.css:?\s*\d+:\d+/)
    expect(run.stderr).toMatch(/no-css-custom-properties/)
    expect(run.stderr).toMatch(/--ink/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(await readdir(folder)).toEqual([])
  })
})

describe('colophon build --target', () => {
  it('writes all four books into the --out folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-targets-'))
    const run = await colophon(['build', 'manuscript', '--target', 'all', '--out', folder])
    expect(run.code, run.stderr).toBe(0)
    expect((await readdir(folder)).sort()).toEqual(['sequence.apple.epub', 'sequence.epub', 'sequence.kepub.epub', 'sequence.kindle.epub'])
    expect(run.stderr.match(/wrote /g)?.length).toBe(4)
  })

  it('writes one target to --out as a file, and exits 2 on an unknown target', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-targets-'))
    const run = await colophon(['build', 'manuscript', '--target', 'kobo', '--out', join(folder, 'book.kepub.epub')])
    expect(run.code, run.stderr).toBe(0)
    expect(await readdir(folder)).toEqual(['book.kepub.epub'])
    const bad = await colophon(['build', 'manuscript', '--target', 'nook'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--target `nook`.*expected epub, kobo, kindle, apple, all/)
  })
})
