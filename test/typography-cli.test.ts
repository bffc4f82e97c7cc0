import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, typeset } from '../src/index.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { entryText, openEpub } from './helpers/epub.ts'

describe('colophon typeset --format text', () => {
  it('prints the plain text of each normalised paragraph and nothing else on standard output', async () => {
    const input = 'He said "wait - no..." and left\n\n> \'Tis the season,\\\n> she wrote.\n\n- *one* -- two\n'
    const run = await colophon(['typeset', '--format', 'text'], { input })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('He said “wait\u2060—no\u2060\u200A\u2060…” and left\n\n’Tis the season,\nshe wrote.\n\none\u2060—two\n')
  })

  it('reads a file and swaps word joiners with --word-joiner feff', async () => {
    const run = await colophon(['typeset', 'test/fixtures/typography/em-dash-double-hyphen/input.md', '--format', 'text', '--word-joiner', 'feff'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('He was\uFEFF—as always\uFEFF—late.\n')
  })

  it('agrees with the library API', () => {
    const { text, xhtml } = typeset('Mr. Smith arrived at 5 p.m. -- "late."')
    expect(text).toBe('Mr.\u00A0Smith arrived at 5\u00A0p.m.\u2060—“late.”')
    expect(xhtml).toBe('<p>Mr.\u00A0Smith arrived at 5\u00A0p.m.\u2060—“late.”</p>')
  })

  it('typesets the text inside raw HTML, its parser loaded on first need from the bundle', async () => {
    const run = await colophon(['typeset', '--format', 'xhtml'], { input: '<div>"Well," she said -- "it\'s late."</div>\n\nPlain "prose".\n' })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('<div>“Well,” she said\u2060—“it’s late.”</div>')
    expect(run.stdout).toContain('<p>Plain “prose”.</p>')
  })

  it('keeps standard output clean: typeset prints only its result, build prints nothing', async () => {
    const typesetRun = await colophon(['typeset', '--format', 'xhtml'], { input: 'Wait--*what*?\n' })
    expect(typesetRun.stdout).toBe('<p>Wait\u2060—<em>what</em>?</p>\n')
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-typo-')), 'book.epub')
    const buildRun = await colophon(['build', 'manuscript', '--out', out, '--word-joiner', 'feff'])
    expect(buildRun.code, buildRun.stderr).toBe(0)
    expect(buildRun.stdout).toBe('')
  })
})

describe('build --word-joiner feff', () => {
  it('puts U+FEFF, never U+2060, into the chapter text', async () => {
    const result = await build(join(ROOT, 'manuscript'), { env: {}, wordJoiner: 'feff', lint: false })
    const chapter = await entryText(await openEpub(result.epub), 'EPUB/text/chapter-1.xhtml')
    expect(chapter).not.toContain('\u2060')
    expect(chapter).toContain('motivation\uFEFF—I can save her\uFEFF—and')
  })
})
