import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateBook, manuscriptFiles, pandocMarkdown } from '../bench/lib/manuscript.ts'
import { countWords } from '../bench/lib/prose.ts'
import { node, ROOT } from './helpers/cli.ts'

describe('the benchmark', () => {
  it('generates the same manuscript from the same seed, with exactly the words asked for', () => {
    const first = manuscriptFiles(generateBook('10k', 3))
    const again = manuscriptFiles(generateBook('10k', 3))
    expect(again).toEqual(first)
    expect(manuscriptFiles(generateBook('10k', 4))).not.toEqual(first)
    const words = first.filter((file) => file.path.endsWith('.md')).reduce((sum, file) => sum + countWords(file.text), 0)
    expect(words).toBe(10_000)
    const text = first.map((file) => file.text).join('\n')
    for (const feature of [/"[A-Z]/, / - /, /\.\.\./, /\*[a-z]+\*/i, /^\. o \.$/m, /'s /]) expect(text).toMatch(feature)
    expect(pandocMarkdown(generateBook('10k', 3))).toMatch(/^# Chapter 1: /m)
  })

  it('runs a smoke benchmark through the real CLI and prints its table (no timing is checked)', async () => {
    const result = await node(['src/run-ts.js', 'bench/run.ts', '--smoke'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^\| 10k \| 10,000 \| colophon \| \d+\.\d\d \|/m)
    // Issue 6's baselines, each a row of its own.
    for (const tool of ['floor: read, fix quotes, zip', 'micromark parse only', 'unified \\+ remark-smartypants \\+ epub-gen-memory']) {
      expect(result.stdout).toMatch(new RegExp(`^\\| 10k \\| 10,000 \\| ${tool} \\| \\d+\\.\\d\\d \\|`, 'm'))
    }
    expect(result.stdout).not.toMatch(/failed/)
    expect(result.stdout).toMatch(/## Machine/)
    const epub = await readFile(join(ROOT, 'bench/out/10k.colophon.epub'))
    expect(epub.subarray(30, 38).toString()).toBe('mimetype')
    // The unified stack's EPUB and the floor's zip are real archives of the same book.
    expect((await readFile(join(ROOT, 'bench/out/10k.unified.epub'))).subarray(30, 38).toString()).toBe('mimetype')
    const floor = (await readFile(join(ROOT, 'bench/out/10k.floor.zip'))).toString('latin1')
    expect(floor).toMatch(/chapters\/001-[a-z-]+\.md/)
    expect(floor).toMatch(/front\/01-disclaimer\.md/)
    expect(await readdir(join(ROOT, 'bench/out/10k/chapters'))).not.toHaveLength(0)
  })
})
