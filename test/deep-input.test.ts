import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { readHtml } from '../src/import/readers/html.ts'
import { createNormaliser, normaliseFile } from '../src/normalise/index.ts'
import { findDeepEmphasis, MAX_EMPHASIS_DEPTH } from '../src/normalise/parse/emphasis-depth.ts'
import { colophon } from './helpers/cli.ts'
import { openEpub } from './helpers/epub.ts'
import { smallManuscript } from './helpers/manuscript.ts'
import { parseReport, STACK_TRACE } from './helpers/report.ts'

/**
 * Deep input of every kind is refused fast, with its place, before a
 * parser that slows down with depth (micromark: 10,000 levels of emphasis
 * took two minutes) or a recursive walk (mdast-util-to-string, unist-util-visit,
 * hast-util-to-mdast) sees it; and ordinary text with many `*` and `_` is
 * never refused (decision 0044).
 */

/** Emphasis `depth` levels deep, one marker per level, each opening before a word and closing after one. */
function nested(depth: number, markers: readonly string[] = ['*']): string {
  const open: string[] = []
  const close: string[] = []
  for (let level = 0; level < depth; level++) {
    const mark = markers[level % markers.length] as string
    open.push(`${mark}a `)
    close.unshift(` a${mark}`)
  }
  return `${open.join('')}x${close.join('')}`
}

/** How deep emphasis and strong nest in micromark's own tree (iteratively: the trees here are small, but the habit holds). */
function emphasisDepth(tree: Nodes): number {
  let deepest = 0
  const stack: Array<[Nodes, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number]
    const here = depth + (node.type === 'emphasis' || node.type === 'strong' ? 1 : 0)
    deepest = Math.max(deepest, here)
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, here])
  }
  return deepest
}

const word = fc.constantFrom('the', 'cat', 'snake_case_words', '2*3*4', 'a*b', 'é', 'über', '“quoted”', 'x_1', '**********', '__init__', 'note*', '*sigh', '—', '(aside)', '[sic]', 'a]b', 'x[')
const decorated = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 2, arbitrary: word.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `*${a} **${b}** ${a}*`) },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${w})`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}*\``) },
)
const paragraph = fc.array(decorated, { minLength: 1, maxLength: 400 }).map((words) => words.join(' '))
const prose = fc.array(fc.oneof({ weight: 8, arbitrary: paragraph }, { weight: 1, arbitrary: fc.constant('* * *') }, { weight: 1, arbitrary: fc.constant('***') }), { minLength: 1, maxLength: 12 }).map((blocks) => `${blocks.join('\n\n')}\n`)

describe('the emphasis pre-scan', () => {
  it('never refuses prose, however many `*` and `_` it scatters, and the build reads it', () => {
    const normaliser = createNormaliser({ language: 'en' })
    fc.assert(
      fc.property(prose, (text) => {
        expect(findDeepEmphasis(text)).toBeUndefined()
        const file = new VFile({ path: 'scene.md', value: text })
        normaliseFile(file, normaliser)
        expect(file.messages.filter((message) => message.ruleId === 'nesting-depth')).toEqual([])
      }),
      { numRuns: 60 },
    )
  })

  it('never says less than the depth micromark finds (code, links, HTML and escapes included)', () => {
    const piece = fc.constantFrom('*', '**', '***', '_', '__', 'a', 'b ', ' ', '\n', '\n\n', '[', ']', '](u)', '`', '<', '>', '\\', '.', 'é', '> ', '- ')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (pieces) => {
        const text = pieces.join('')
        const depth = emphasisDepth(fromMarkdown(text))
        // With the limit one below the true depth, the scan must refuse.
        if (depth > 0) expect(findDeepEmphasis(text, depth - 1)).toBeDefined()
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses deep emphasis in any marker and place, at once, wherever it goes past the limit', () => {
    const places = [
      (deep: string) => `Before.\n\n${deep}\n`,
      (deep: string) => `## ${deep}\n`,
      (deep: string) => `A [link](https://example.org) and ${deep}\n`,
      (deep: string) => `> ${deep}\n`,
      (deep: string) => `\`code\` then <span>${deep}</span>\n`,
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_EMPHASIS_DEPTH + 1, max: 20_000 }),
        fc.array(fc.constantFrom('*', '_', '**', '__', '***'), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...places),
        (depth, markers, place) => {
          const started = performance.now()
          const found = findDeepEmphasis(place(nested(depth, markers)))
          expect(found).toBeDefined()
          expect(found?.depth).toBeGreaterThan(MAX_EMPHASIS_DEPTH)
          // Linear: 20,000 levels (120 kB) take milliseconds; a generous bound, as a guard.
          expect(performance.now() - started).toBeLessThan(1000)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('refuses links and images nested past the limit in their labels, fast (micromark took 96 s for 8,000 nested images)', () => {
    const images = (depth: number): string => `${'!['.repeat(depth)}a${'](u)'.repeat(depth)}\n`
    expect(findDeepEmphasis(images(MAX_EMPHASIS_DEPTH))).toBeUndefined()
    expect(findDeepEmphasis(images(MAX_EMPHASIS_DEPTH + 1))).toMatchObject({ kind: 'label', depth: MAX_EMPHASIS_DEPTH + 1, place: { line: 1, column: 2 * MAX_EMPHASIS_DEPTH + 2 } })
    const started = performance.now()
    expect(findDeepEmphasis(`Before.\n\n${images(100_000)}`)).toMatchObject({ kind: 'label', place: { line: 3 } })
    // A `]` in code closes no label, so it cannot lower the count either.
    expect(findDeepEmphasis(`${'!['.repeat(300)}\`${']'.repeat(300)}\`a${'](u)'.repeat(300)}\n`)).toMatchObject({ kind: 'label' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('lets the deepest emphasis the tree limit allows through', () => {
    expect(findDeepEmphasis(`${nested(MAX_EMPHASIS_DEPTH)}\n`)).toBeUndefined()
    expect(findDeepEmphasis(`${nested(MAX_EMPHASIS_DEPTH + 1)}\n`)).toMatchObject({ depth: MAX_EMPHASIS_DEPTH + 1, place: { line: 1, column: 3 * MAX_EMPHASIS_DEPTH + 1 } })
  })
})

describe('the HTML reader', () => {
  it('writes nested emphasis in time linear in its depth (it doubled per level)', async () => {
    const html = `<html><body><h1>T</h1><p>${'<em>a '.repeat(90)}x${' a</em>'.repeat(90)}</p></body></html>`
    const started = performance.now()
    const book = await readHtml(new VFile({ path: 'page.html', value: new TextEncoder().encode(html) }))
    expect(book.chapters[0]?.scenes[0]).toContain(`${'*a '.repeat(90)}x`)
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})

describe('the CLI, given deep story files', () => {
  const deepStory = `# Title\n\n## One\n\nBefore.\n\n${nested(100_000)}\n\n## Two\n\nAfter.\n`
  const cases = [
    { name: 'build story.md, 100,000 levels', command: 'build', file: 'story.md', text: deepStory, line: 7, column: 691, reason: /^Unexpected emphasis nested 100000 deep .*expected at most 230/ },
    { name: 'import story.md, 100,000 levels', command: 'import', file: 'story.md', text: deepStory, line: 7, column: 691, reason: /^Unexpected emphasis nested 100000 deep/ },
    {
      name: 'build page.html, 100,000 nested <em>',
      command: 'build',
      file: 'page.html',
      text: `<html><body><h1>T</h1><p>${'<em>a '.repeat(100_000)}x${' a</em>'.repeat(100_000)}</p></body></html>`,
      line: 1,
      column: 614,
      reason: /^Unexpected nesting of HTML elements 101 levels deep/,
    },
    {
      name: 'import page.html, 50,000 nested <div>',
      command: 'import',
      file: 'page.html',
      text: `<html><body><h1>T</h1>${'<div>'.repeat(50_000)}<p>x</p>${'</div>'.repeat(50_000)}</body></html>`,
      line: 1,
      column: 513,
      reason: /^Unexpected nesting of HTML elements 101 levels deep/,
    },
  ]

  it.each(cases)('$name: refused with file, line and column, exit 1, in seconds', async ({ command, file, text, line, column, reason }) => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-deep-'))
    const path = join(folder, file)
    await writeFile(path, text)
    const started = Date.now()
    const run = await colophon([command, path, '--out', join(folder, command === 'build' ? 'book.epub' : 'manuscript')])
    // A guard against a hang only (it took minutes, or overflowed the stack): the refusal itself takes well under a second.
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(parseReport(run.stderr)).toMatchObject([{ file: expect.stringMatching(new RegExp(`${file.replace('.', '\\.')}$`)), line, column, severity: 'error', reason: expect.stringMatching(reason) }])
  })

  it('build refuses a scene whose deep emphasis shares a paragraph with a link (micromark reads it)', async () => {
    const folder = await smallManuscript({ 'chapters/01-one/01-scene.md': `Before.\n\nA [link](https://example.org) and ${nested(10_000, ['*', '_'])}\n` })
    const started = Date.now()
    const run = await colophon(['build', folder, '--out', `${folder}/../book.epub`])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(parseReport(run.stderr)).toMatchObject([
      { file: expect.stringMatching(/chapters\/01-one\/01-scene\.md$/), line: 3, column: 725, severity: 'error', reason: expect.stringMatching(/^Unexpected emphasis nested 10000 deep/) },
    ])
  })

  it('import book.epub whose chapter nests 50,000 <span>: refused, naming the chapter, line and column', async () => {
    const folder = await smallManuscript()
    const built = await colophon(['build', folder, '--out', `${folder}/../book.epub`])
    expect(built.code).toBe(0)
    const zip = await openEpub(await readFile(`${folder}/../book.epub`))
    const chapter = Object.keys(zip.files).find((name) => /text\/.*chapter.*\.xhtml$/.test(name)) as string
    const xhtml = await zip.file(chapter)?.async('string') as string
    zip.file(chapter, xhtml.replace('<p', `${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}<p`))
    const epub = join(folder, '..', 'deep.epub')
    await writeFile(epub, await zip.generateAsync({ type: 'uint8array' }))
    const started = Date.now()
    const run = await colophon(['import', epub, '--out', join(folder, '..', 'imported')])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(parseReport(run.stderr)).toMatchObject([
      { file: expect.stringMatching(/deep\.epub$/), severity: 'error', reason: expect.stringMatching(new RegExp(`^Unexpected nesting of HTML elements 101 levels deep in \`${chapter.replace(/[.]/g, '\\.')}\` at \\d+:\\d+`)) },
    ])
  })
})
