import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { colophon, ROOT } from './helpers/cli.ts'

const FIXTURES = join(ROOT, 'test/fixtures/lint')
const update = process.env['UPDATE'] === '1'

interface Finding {
  file: string
  line: number
  column: number
  ruleId: string
  rule: string
  severity: string
  message: string
}

/**
 * Each folder under test/fixtures/lint holds a `manuscript/` and the
 * findings `colophon lint manuscript --format json` must print for it
 * (`expected.json`; regenerate with UPDATE=1 and review the diff).
 */
describe('colophon lint fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = join(FIXTURES, name)
    it(name, async () => {
      const run = await colophon(['lint', 'manuscript', '--format', 'json'], { cwd: folder })
      const expectedPath = join(folder, 'expected.json')
      if (name === 'invalid-suppressions') {
        expect(run.code).toBe(1)
        expect(run.stdout).toBe('')
        expect(run.stderr).toMatch(/manuscript\/\.colophon-lint\.yaml\s+2:11\s+error .*T999.*L002/)
        expect(run.stderr).not.toMatch(/\n\s+at /)
        return
      }
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toBe('')
      const findings = JSON.parse(run.stdout) as Finding[]
      if (update) writeFileSync(expectedPath, `${JSON.stringify(findings, null, 2)}\n`)
      expect(findings).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')) as Finding[])
      const rule = name === 'suppressions' || name === 'clean' ? undefined : name
      if (rule) expect(findings.length, 'each rule fixture has findings').toBeGreaterThan(0)
      if (rule) expect(findings.every((finding) => finding.rule === rule)).toBe(true)
    })
  }
})

describe('colophon lint', () => {
  it('reports the fused word of the sample manuscript at its file:line:col', async () => {
    const text = await colophon(['lint', 'manuscript'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/manuscript\/chapters\/01-prologue\/05-spock\.md\n35:167 +warning Unexpected fused words `inEnterprise`.* T001 colophon-lint/)
    const json = JSON.parse((await colophon(['lint', 'manuscript', '--format', 'json'])).stdout) as Finding[]
    expect(json).toContainEqual(expect.objectContaining({ file: 'manuscript/chapters/01-prologue/05-spock.md', line: 35, column: 167, ruleId: 'T001', rule: 'fused-words' }))
  })

  it('prints GitHub Actions annotations with --format github', async () => {
    const run = await colophon(['lint', 'manuscript', '--format', 'github'], { cwd: join(FIXTURES, 'compound-number') })
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split('\n')).toEqual([
      '::warning file=manuscript/chapters/01-one/01-scene.md,line=1,col=12,title=T006 compound-number::Unexpected `forty one`, expected `forty-one`',
      '::warning file=manuscript/chapters/01-one/01-scene.md,line=1,col=35,title=T006 compound-number::Unexpected `Ninety%0Aeight`, expected `Ninety-eight`',
    ])
  })

  it('fails with --frail when there is a warning, and passes a clean book', async () => {
    const warned = await colophon(['lint', 'manuscript', '--frail'], { cwd: join(FIXTURES, 'repeated-word') })
    expect(warned.code).toBe(1)
    expect(warned.stdout).toMatch(/T005/)
    expect(warned.stderr).toMatch(/lint warnings? and --frail/)
    const clean = await colophon(['lint', 'manuscript', '--frail'], { cwd: join(FIXTURES, 'clean') })
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.stdout).toBe('')
  })

  it('lists its rules with --rules', async () => {
    const run = await colophon(['lint', '--rules'])
    expect(run.code).toBe(0)
    for (const id of ['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'L001', 'L002']) expect(run.stdout).toContain(id)
  })

  it('runs during build: warnings on standard error, nothing on standard output, exit 0', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-lint-')), 'book.epub')
    const run = await colophon(['build', 'manuscript', '--out', out], { cwd: join(FIXTURES, 'fused-words') })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/1:51 +warning Unexpected fused words `inEnterprise`/)
    expect(existsSync(out)).toBe(true)
  })

  it('fails the build with --frail and writes nothing', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-lint-')), 'book.epub')
    const run = await colophon(['build', 'manuscript', '--out', out, '--frail'], { cwd: join(FIXTURES, 'fused-words') })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/--frail; the book was not written/)
    await expect(readFile(out)).rejects.toThrow()
  })

  it('prints at most 20 lint warnings during build, and says how many more there are', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-lint-'))
    await mkdir(join(folder, 'book/chapters/01-one'), { recursive: true })
    await writeFile(join(folder, 'book/book.yaml'), 'title: Many\nauthor: Tester\nlanguage: en\n')
    await writeFile(join(folder, 'book/chapters/01-one/01-scene.md'), Array.from({ length: 30 }, (_, at) => `Line ${at} went to the the shop.`).join('\n\n'))
    const run = await colophon(['build', 'book', '--out', 'out.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr.match(/T005/g)).toHaveLength(20)
    expect(run.stderr).toContain('10 more lint warnings not shown')
    const lint = await colophon(['lint', 'book', '--format', 'json'], { cwd: folder })
    expect(JSON.parse(lint.stdout)).toHaveLength(30)
  })
})
