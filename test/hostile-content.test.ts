import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { BookError } from '../src/errors.ts'
import { colophon } from './helpers/cli.ts'
import { entryText, epubcheckTs, openEpub } from './helpers/epub.ts'
import { parseReport, STACK_TRACE } from './helpers/report.ts'
import { runs } from './helpers/runs.ts'

/**
 * Hostile content made by the test (too big to commit, or generated): what
 * a book carries never scripts, fetches or points outside it, whatever the
 * manuscript's SVG, HTML, Markdown, templates and CSS hold; deep nesting is
 * a positioned error, fast. The committed cases are in test/fixtures/broken/;
 * footnotes building in time linear in their number (30,000 of them) is
 * test/broken-size.test.ts's, with the other stress-sized books.
 */
const work = await mkdtemp(join(tmpdir(), 'colophon-hostile-'))
afterAll(() => rm(work, { recursive: true, force: true }))
let made = 0

async function manuscript(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = join(work, `book-${++made}`)
  const all = { 'book.yaml': 'title: A Test Book\nauthor: Ann Author\nlanguage: en\n', ...files }
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(folder, path)), { recursive: true })
    await writeFile(join(folder, path), content)
  }
  return folder
}

describe('deep nesting made by the test', () => {
  const cases: Array<[string, string, string]> = [
    ['20,000 nested HTML spans', `Some ${'<span>'.repeat(20_000)}text${'</span>'.repeat(20_000)}\n`, 'HTML elements 101 levels deep'],
    ['3,000 list levels by indentation (9 MB)', Array.from({ length: 3000 }, (_, level) => `${'  '.repeat(level)}- item\n`).join(''), 'block quotes and lists 101 levels deep'],
    ['10,000 nested block quotes, one a line', Array.from({ length: 10_000 }, (_, level) => `${'>'.repeat(level + 1)} quote\n`).join(''), 'block quotes and lists 101 levels deep'],
  ]
  it.each(cases)('%s: a positioned error, fast, no stack trace', async (_name, scene, reason) => {
    const folder = await manuscript({ 'chapters/01-one/01-scene.md': scene })
    const started = performance.now()
    const run = await colophon(['build', folder, '--out', join(folder, '..', `out-${made}.epub`)], { env: { SOURCE_DATE_EPOCH: '' } })
    const seconds = (performance.now() - started) / 1000
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    const errors = parseReport(run.stderr).filter((message) => message.severity === 'error')
    expect(errors, run.stderr).toHaveLength(1)
    expect(errors[0]?.reason).toContain(reason)
    expect(errors[0]?.line).toBeGreaterThan(0)
    // Generous for a shared machine: these hung (20 s and more) or overflowed the stack.
    expect(seconds).toBeLessThan(30)
  }, 120_000)
})

/** Pieces of hostile and harmless SVG, put together at random. */
const svgPart = fc.constantFrom(
  '<script>alert(1)</script>',
  '<rect width="10" height="10" onclick="alert(1)"/>',
  '<set attributeName="onmouseover" to="alert(1)"/>',
  '<animate attributeName="href" values="javascript:alert(1)"/>',
  '<style>@import url(https://example.com/x.css);</style>',
  '<style>rect { fill: url(https://example.com/p.svg#p) }</style>',
  '<rect width="10" height="10" style="fill:url(https://example.com/x)"/>',
  '<rect width="10" height="10" fill="u\\72l(https://example.com/x)"/>',
  '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
  '<use href="https://example.com/s.svg#a"/>',
  '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>',
  '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
  '<rect id="r" width="10" height="10" fill="#123"/>',
  '<use href="#r"/>',
  '<circle cx="5" cy="5" r="3" fill="url(#g)"/>',
)
const svg = fc
  .tuple(fc.constantFrom('', '<?xml-stylesheet href="https://example.com/x.css"?>\n', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'), fc.array(svgPart, { maxLength: 4 }))
  .map(([prolog, parts]) => `${prolog}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>${parts.join('')}</svg>\n`)

/** Pieces of hostile and harmless Markdown and HTML. */
const prosePart = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src="https://example.com/x.png" alt="x">',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">link</a>',
    '<a href=" java\tscript:alert(1)">link</a>',
    '<span onclick="alert(1)" style="background:url(https://example.com/x)">span</span>',
    '<iframe src="https://example.com/"></iframe>',
    '<object data="https://example.com/x.swf"></object>',
    '<svg><script>alert(1)</script></svg>',
    '<style>@import url(https://example.com/x.css);</style>',
    '<link rel="stylesheet" href="https://example.com/x.css">',
    '![remote](https://example.com/x.png)',
    '![data](data:image/png;base64,iVBORw0KGgo=)',
    '[a link](javascript:alert(1))',
    '<https://example.com/autolink>',
    '[ok](https://example.com/page)',
    'Text[^n] with a note.',
    'Fish ]]> chips',
    '*emphasis* and **strong**',
    '> a quote',
    '- an item',
  ),
  fc.string({ maxLength: 20 }).map((text) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, '')),
)
const prose = fc.array(prosePart, { minLength: 1, maxLength: 6 }).map((parts) => `${parts.join('\n\n')}\n\n[^n]: A note with <img src="https://example.com/n.png" alt="n">.\n`)

/** What no file of a built book may hold: script, handlers, script URLs, remote or data: resources. */
function unsafe(path: string, text: string): string | undefined {
  if (/<script\b/i.test(text)) return 'a script'
  if (/<[^>]*\son[a-z]+\s*=/i.test(text)) return 'an event handler'
  for (const match of text.matchAll(/<([a-z:]+)\b[^>]*?\s(src|href|xlink:href|poster|data)\s*=\s*"([^"]*)"/gi)) {
    const [, element, attribute, value] = match as unknown as [string, string, string, string]
    const url = value.replace(/[\u0000-\u0020]+/g, '')
    if (/^(?:javascript|vbscript|data):/i.test(url)) return `a ${url.slice(0, 12)} URL in ${attribute}`
    const hyperlink = element.toLowerCase() === 'a' && attribute === 'href'
    if (!hyperlink && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !path.endsWith('.opf') && !path.endsWith('.ncx')) return `a remote resource ${url}`
  }
  if (/@import/i.test(text)) return 'an @import'
  for (const match of text.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
    const url = (match[1] ?? '').trim()
    if (!url.startsWith('#') && url !== '../images/scene-break.svg') return `url(${url})`
  }
  return undefined
}

/** Build `files` as a book: its bytes, or undefined when it is refused with positioned messages. */
async function buildOrRefuse(files: Record<string, string>): Promise<Uint8Array | undefined> {
  const folder = await manuscript(files)
  try {
    return (await build(folder, { env: {}, lint: false })).epub
  } catch (error) {
    // Refused: a book error whose every message names its file (nothing was written).
    expect(error).toBeInstanceOf(BookError)
    expect((error as BookError).messages.every((message) => Boolean(message.file))).toBe(true)
    return undefined
  }
}

async function expectSafeAndValid(epub: Uint8Array): Promise<void> {
  const zip = await openEpub(epub)
  for (const path of Object.keys(zip.files).filter((name) => /\.(?:xhtml|svg|css|opf|ncx)$/.test(name))) {
    expect(unsafe(path, await entryText(zip, path)), path).toBeUndefined()
  }
  expect((await epubcheckTs(epub)).messages).toEqual([])
}

// Each run builds and checks a book: few runs on a shared machine.
const RUNS = Number(process.env.HOSTILE_RUNS ?? runs(10, 3))

describe('generated hostile SVG, HTML and Markdown', () => {
  it('prose and description: never a script, handler, javascript: URL or remote resource in the book, which passes epubcheck-ts', async () => {
    let built = 0
    await fc.assert(
      fc.asyncProperty(prose, prose, async (scene, description) => {
        const files = {
          'book.yaml': `title: A Test Book\nauthor: Ann Author\nlanguage: en\ndescription: ${JSON.stringify(description)}\n`,
          'chapters/01-one/01-scene.md': scene,
        }
        const epub = await buildOrRefuse(files)
        if (!epub) return
        built++
        await expectSafeAndValid(epub)
        // Every target builds what the epub target builds (Kobo's spans once failed on `]]>`).
        const { outputs } = await build(await manuscript(files), { env: {}, lint: false, targets: ['kobo', 'kindle', 'apple'] })
        expect(outputs.map((output) => output.target)).toEqual(['kobo', 'kindle', 'apple'])
      }),
      { numRuns: RUNS },
    )
    // Hostile prose is cleaned, not refused: the property must have looked at books.
    expect(built).toBeGreaterThan(0)
  }, 600_000)

  it('SVG images: refused, or packaged with nothing that scripts or fetches', async () => {
    await fc.assert(
      fc.asyncProperty(svg, async (drawing) => {
        const epub = await buildOrRefuse({
          'chapters/01-one/01-scene.md': 'A drawing:\n\n![A drawing](drawing.svg)\n',
          'chapters/01-one/drawing.svg': drawing,
        })
        if (epub) await expectSafeAndValid(epub)
      }),
      { numRuns: RUNS * 2 },
    )
  }, 600_000)
})

describe('an internal failure', () => {
  it('says which stage failed and where, and keeps a stack for --debug', async () => {
    const { InternalError } = await import('../src/errors.ts')
    const { VFileMessage } = await import('vfile-message')
    // What xast-util-from-xml throws: a vfile message, whose stack is empty.
    const thrown = new VFileMessage('Could not parse XML with `@rgrove/parse-xml`', { place: { line: 13, column: 9 } })
    thrown.file = 'EPUB/text/chapter-1.xhtml'
    const error = new InternalError('package', thrown)
    expect(error.message).toContain('Unexpected failure in the package stage at EPUB/text/chapter-1.xhtml:13:9')
    expect(error.message).toContain('Could not parse XML')
    expect(error.trace).toMatch(/\n\s+at /)
  })
})

describe('the nesting count before parsing', async () => {
  const { findTooDeep, MAX_NESTING } = await import('../src/normalise/parse/nesting.ts')
  const { parseMarkdown } = await import('../src/normalise/parse/index.ts')
  const { findTooDeepNode } = await import('../src/normalise/parse/nesting.ts')

  it('takes the limit and refuses one more, where it is passed', () => {
    expect(findTooDeep(`${'> '.repeat(MAX_NESTING)}quote\n`)).toBeUndefined()
    expect(findTooDeep(`Prose.\n\n${'> '.repeat(MAX_NESTING + 1)}quote\n`)).toMatchObject({ kind: 'markdown', place: { line: 3 } })
    expect(findTooDeep(`${'<em>'.repeat(MAX_NESTING)}x${'</em>'.repeat(MAX_NESTING)}`)).toBeUndefined()
    expect(findTooDeep(`a\n${'<b>'.repeat(MAX_NESTING + 1)}`)).toMatchObject({ kind: 'html', place: { line: 2, column: 3 * MAX_NESTING + 1 } })
    // Elements HTML closes by themselves, void and self-closed ones do not nest.
    expect(findTooDeep('<p>'.repeat(1000) + '<br>'.repeat(1000) + '<span/>'.repeat(1000))).toBeUndefined()
  })

  it('never counts less than the parser nests (generated quotes, lists and indentation)', () => {
    const line = fc.array(fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '    ', '\t'), { maxLength: 12 }).map((parts) => `${parts.join('')}text`)
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = `${lines.join('\n')}\n`
        const limit = 4
        // A tree deeper than two nodes per counted level and a paragraph must have been counted as too deep.
        if (findTooDeepNode(parseMarkdown(text), 2 * limit + 2)) expect(findTooDeep(text, limit)).toBeDefined()
      }),
      { numRuns: runs(500) },
    )
  }, 120_000)

  it('lets prose through: no count of plain paragraphs, dialogue or scene breaks', () => {
    const prose = 'He said, "Wait - no..." and left.\n\n* * *\n\n1999. A year.\n\n- a list\n  - in a list\n\n> a quote\n'
    expect(findTooDeep(prose.repeat(1000))).toBeUndefined()
  })
})
