import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import Mustache from 'mustache'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifySafety, type BookEntry } from '../src/verify/index.ts'
import { mayBeUnsafe, ownTemplateOf, unsafeMarkup } from '../src/verify/safety.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { parseReport } from './helpers/report.ts'
import { builtinTemplates } from '../src/load/templates.ts'
import { runs } from './helpers/runs.ts'

/** The entries of an EPUB as the verify stage meets them. */
async function entriesOf(bytes: Uint8Array): Promise<BookEntry[]> {
  const zip = await JSZip.loadAsync(bytes)
  const entries: BookEntry[] = []
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) entries.push({ path, data: await file.async('uint8array') })
  return entries
}

const PAGE = 'EPUB/text/chapter-1.xhtml'

/** Markup that would script the reader or fetch from outside the book, and a fragment of the reason given for it. */
const HOSTILE: Array<[string, string]> = [
  ['<script>alert(1)</script>', 'Unexpected `<script>`'],
  ['<x:script xmlns:x="http://example.com/not-html">alert(1)</x:script>', 'Unexpected `<x:script>`'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'Unexpected `<script>`'],
  ['<p onclick="alert(1)">x</p>', 'Unexpected event handler `onclick`'],
  ['<p ONMOUSEOVER="alert(1)">x</p>', 'Unexpected event handler `ONMOUSEOVER`'],
  ['<a href="javascript:alert(1)">x</a>', 'Unexpected script URL in `href`'],
  ['<a href="&#106;ava&#x09;script:alert(1)">x</a>', 'Unexpected script URL in `href`'],
  ['<a href="vbscript:msgbox(1)">x</a>', 'Unexpected script URL in `href`'],
  ['<iframe src="a.xhtml"></iframe>', 'Unexpected `<iframe>`'],
  ['<object data="a.svg"></object>', 'Unexpected `<object>`'],
  ['<embed src="a.svg"/>', 'Unexpected `<embed>`'],
  ['<form action="a.xhtml"></form>', 'Unexpected `<form>`'],
  ['<meta http-equiv="refresh" content="0;url=https://example.com/"/>', 'Unexpected `<meta http-equiv>`'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>', 'Unexpected `<set>` of `onmouseover`'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" values="#a"/></a></svg>', 'Unexpected `<animate>` of `href`'],
  ['<img src="https://example.com/a.png" alt=""/>', 'a remote resource'],
  ['<img src="//example.com/a.png" alt=""/>', 'a remote resource'],
  ['<img src="data:image/png;base64,iVBORw0KGgo=" alt=""/>', 'a `data:` URL'],
  ['<img src="a.png" srcset="a.png 1x, https://example.com/b.png 2x" alt=""/>', 'a remote resource'],
  ['<link rel="stylesheet" href="https://example.com/a.css"/>', 'a remote resource'],
  ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://example.com/a.png"/></svg>', '`xlink:href="https://example.com/a.png"`'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.com/a.svg#x"/></svg>', 'a remote resource'],
  ['<a href="data:text/html,hello">x</a>', 'a `data:` URL'],
  ['<a href="https://example.com/" ping="https://example.com/track">x</a>', '`ping="https://example.com/track"`'],
  ['<div xml:base="https://example.com/"><img src="a.png" alt=""/></div>', '`xml:base="https://example.com/"`'],
  ['<p style="background: url(https://example.com/a.png)">x</p>', 'Unexpected `url(https://example.com/a.png)`'],
  ['<p style="background: u\\72l(https://example.com/a.png)">x</p>', 'Unexpected `url(https://example.com/a.png)`'],
  ['<style>@import url(a.css);</style>', 'Unexpected `@import`'],
  ['<style><![CDATA[p { background: url("https://example.com/a.png") }]]></style>', 'Unexpected `url(https://example.com/a.png)`'],
]

/** What a page may hold: links to the web and to other pages, the book's own files. */
const SAFE = [
  '<p><a href="https://example.com/">the web</a> and <a href="mailto:ann@example.com">mail</a></p>',
  '<p><a href="chapter-2.xhtml#note-1">a note</a> <a href="#top">top</a></p>',
  '<img src="../images/map.png" alt="A map"/>',
  '<p style="color: red">red</p>',
  '<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><rect width="1" height="1" fill="url(#g)"/></a><set attributeName="fill" to="red"/></svg>',
  '<p>onload="alert(1)" and &lt;script&gt; are only words here, as is javascript:void(0)</p>',
  // A title or alt text is the author's words, which may name a script URL: a reader never follows it.
  '<img src="../images/cover.png" alt="&lt;a href=&quot;javascript:alert(1)&quot;&gt;" title="javascript:void(0)"/>',
]

/** `page` with `lines` put after its `<body …>` line; the line numbers they landed on. */
function insert(page: string, lines: string[]): { text: string; at: number[] } {
  const rows = page.split('\n')
  const body = rows.findIndex((row) => row.startsWith('<body'))
  rows.splice(body + 1, 0, ...lines)
  return { text: rows.join('\n'), at: lines.map((_, index) => body + 2 + index) }
}

describe('the check of every built page for script and outside resources', () => {
  const books = new Map<string, Uint8Array>()
  let page: string
  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-safety-'))
    for (const manuscript of ['manuscript', 'test/fixtures/books/full']) {
      const out = join(folder, manuscript.replaceAll('/', '-'))
      const run = await colophon(['build', join(ROOT, manuscript), '--target', 'all', '--out', `${out}/`, '--no-cache'], { env: { SOURCE_DATE_EPOCH: '' } })
      expect(run.code, run.stderr).toBe(0)
      for (const name of await readdir(out)) books.set(`${manuscript}: ${name}`, new Uint8Array(await readFile(join(out, name))))
    }
    const zip = await JSZip.loadAsync(books.get('manuscript: sequence.epub') as Uint8Array)
    page = await zip.file(PAGE)!.async('string')
  })

  it('finds nothing in the books colophon makes, for every target', async () => {
    expect(books.size).toBe(8)
    for (const [name, bytes] of books) expect(verifySafety(await entriesOf(bytes)), name).toEqual([])
  })

  it('parses none of the pages of a book without web links (the quick test passes them)', async () => {
    const entries = await entriesOf(books.get('manuscript: sequence.epub') as Uint8Array)
    const pages = entries.filter((entry) => entry.path.endsWith('.xhtml'))
    expect(pages.length).toBeGreaterThan(5)
    for (const entry of pages) expect(mayBeUnsafe(new TextDecoder().decode(entry.data as Uint8Array)), entry.path).toBe(false)
  })

  it.each(HOSTILE)('refuses %s at its line, naming the page', (markup, reason) => {
    const { text, at } = insert(page, [markup])
    const found = verifySafety([{ path: PAGE, data: text }], 'book.epub')
    expect(found.length, found.map(String).join('\n')).toBeGreaterThan(0)
    expect(found[0]?.reason).toContain(reason)
    expect(found[0]?.file).toBe(`book.epub/${PAGE}`)
    expect(found[0]?.line).toBe(at[0])
    expect(found.every((message) => message.fatal)).toBe(true)
  })

  it('accepts web links, links within the book, its own images and harmless CSS', () => {
    expect(verifySafety([{ path: PAGE, data: insert(page, SAFE).text }])).toEqual([])
  })

  it('finds every hostile line among safe ones, each at its own line', () => {
    const line = fc.oneof(
      fc.constantFrom(...HOSTILE.map(([markup]) => ({ markup, hostile: true }))),
      fc.constantFrom(...SAFE.map((markup) => ({ markup, hostile: false }))),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const { text, at } = insert(page, lines.map((entry) => entry.markup))
        const found = new Set(verifySafety([{ path: PAGE, data: text }]).map((message) => message.line))
        const expected = new Set(at.filter((_, index) => lines[index]?.hostile))
        expect(found).toEqual(expected)
      }),
      { numRuns: runs(200) },
    )
  })

  it("names the book's own template that made a file, and only that", () => {
    const templateOf = ownTemplateOf(new Set(['chapter.xhtml', 'matter.xhtml', 'book.css', 'footer.xhtml']))
    expect(templateOf('EPUB/text/chapter-12.xhtml')).toBe('templates/chapter.xhtml')
    expect(templateOf('EPUB/text/dedication.xhtml')).toBe('templates/matter.xhtml')
    expect(templateOf('EPUB/css/book.css')).toBe('templates/book.css')
    expect(templateOf('EPUB/text/titlepage.xhtml')).toBeUndefined()
    expect(templateOf('EPUB/nav.xhtml')).toBeUndefined()
    expect(templateOf('EPUB/images/scene-break.svg')).toBeUndefined()
    expect(ownTemplateOf(new Set(['nav.xhtml', 'content-warnings.xhtml', 'warnings.xhtml']))('EPUB/text/content-warnings.xhtml')).toBe('templates/warnings.xhtml')
  })

  it("holds colophon's own templates to including no partials", async () => {
    // ownTemplateOf names no template of the book for a page colophon's own template made, and the load
    // looks for partials that include themselves among the book's own templates alone: both rest on this.
    const partials = (tokens: unknown[]): string[] =>
      tokens.flatMap((token) => {
        const [kind, name, , , children] = token as [string, string, number, number, unknown]
        return [...(kind === '>' ? [name] : []), ...(Array.isArray(children) ? partials(children) : [])]
      })
    const names = (await readdir(builtinTemplates, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name)
    expect(names).toContain('chapter.xhtml')
    for (const name of names) expect(partials(Mustache.parse(await readFile(join(builtinTemplates, name), 'utf8'))), name).toEqual([])
  })

  it('checks style sheets and drawings as the load stage does', () => {
    const css = verifySafety([{ path: 'EPUB/css/book.css', data: 'p { color: red }\n@import "x.css";\nh1 { background: url(data:image/png;base64,AAAA) }\n' }])
    expect(css.map((message) => [message.line, message.reason.slice(0, 30)])).toEqual([
      [2, 'Unexpected `@import`, expected'],
      [3, 'Unexpected `url(data:image/png'],
    ])
    const svg = verifySafety([{ path: 'EPUB/images/scene-break.svg', data: '<svg xmlns="http://www.w3.org/2000/svg">\n<rect onclick="alert(1)" width="1" height="1"/>\n</svg>\n' }])
    expect(svg.map((message) => [message.line, message.reason.slice(0, 30)])).toEqual([[2, 'Unexpected event handler `oncl']])
    expect(verifySafety([{ path: 'EPUB/css/book.css', data: 'p { background: url(../images/rule.png) }' }])).toEqual([])
  })
})

describe('the quick test that spares most pages a full parse', () => {
  const name = fc.constantFrom('p', 'span', 'a', 'img', 'link', 'script', 'SCRIPT', 'Script', 'iframe', 'style', 'set', 'animate', 'use', 'image', 'meta', 'form', 'foreignObject', 'svg')
  const prefix = fc.constantFrom('', 'x:', 'ǂ:', 'svg:')
  const attributeName = fc.constantFrom('class', 'id', 'href', 'src', 'srcset', 'ping', 'base', 'style', 'onload', 'ONCLICK', 'onmouseover', 'attributeName', 'http-equiv', 'data', 'poster', 'title', 'alt', 'action')
  const value = fc.oneof(
    fc.constantFrom('a.png', '#x', 'https://example.com/a', '//example.com/a', ' data:x', 'java\tscript:x', 'JavaScript:x', 'vbscript:x', '&#106;avascript:x', 'url(https://e.com/a)', 'u\\72l(x)', 'onclick', 'a > b', "it's", 'color: red', '&amp;'),
    fc.string({ maxLength: 12 }).map((text) => text.replace(/[<&"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '')),
  )
  const attribute = fc.tuple(prefix, attributeName, value).map(([p, n, v]) => ` ${p === 'ǂ:' || p === 'svg:' ? 'x:' : p}${n}="${v.replaceAll('"', '&quot;')}"`)
  const element = fc.tuple(prefix, name, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('text', 'on="x" javascript:x &lt;script&gt;', '<!-- <script> onload= -->', '<![CDATA[ <script> ]]>', ''))
    .map(([p, n, attributes, inner]) => {
      // Attributes must be unique for the page to be well-formed.
      const unique = [...new Map(attributes.map((a) => [a.split('=')[0], a])).values()].join('')
      return `<${p}${n}${unique}>${inner}</${p}${n}>`
    })
  const page = fc.array(element, { maxLength: 6 }).map(
    (elements) => `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:x="http://example.com/x" xmlns:ǂ="http://example.com/y" xmlns:svg="http://www.w3.org/2000/svg"><head><title>t</title></head><body>\n${elements.join('\n')}\n</body></html>`,
  )

  it('passes every page in which the rules find something on to them', () => {
    fc.assert(
      fc.property(page, (xml) => {
        if (unsafeMarkup(xml).length > 0) expect(mayBeUnsafe(xml), xml).toBe(true)
      }),
      { numRuns: runs(2000) },
    )
  })
})

/**
 * A book's own chapter template, through the CLI: each passes the check of
 * templates at load (its `{{tags}}` read as text), and builds a page that
 * scripts or fetches once Mustache fills it.
 */
const BYPASSES: Array<[string, string, string, string]> = [
  ['a value splitting an element name', '</head>', '<s{{nothing}}cript>alert(1)</s{{nothing}}cript></head>', 'Unexpected `<script>`'],
  ['a CDATA section opened by empty sections', '</head>', '{{#never}}<![CDATA[{{/never}}<script>alert(1)</script>{{#never}}]]>{{/never}}</head>', 'Unexpected `<script>`'],
  ['an inverted section around a comment', '</head>', '{{^lang}}<!--{{/lang}}<script>alert(1)</script>{{^lang}}-->{{/lang}}</head>', 'Unexpected `<script>`'],
  ['a value before a remote URL', '<h2 id', '<img src="{{nothing}}https://example.com/a.png" alt=""/><h2 id', 'a remote resource'],
  ['a value splitting a scheme', '<h2 id', '<img src="ht{{nothing}}tps://example.com/a.png" alt=""/><h2 id', 'a remote resource'],
  ['a CSS comment closed by sections', '</head>', '<style>{{#never}}/*{{/never}}@import url(https://example.com/a.css);{{#never}}*/{{/never}}</style></head>', 'Unexpected `@import`'],
  ['a value splitting a script URL', '<h2 id', '<a href="java{{nothing}}script:alert(1)">x</a><h2 id', 'Unexpected script URL'],
]

describe("a book's own template that builds what the load check cannot see", () => {
  it.each(BYPASSES)('is refused at the built page: %s', async (_, old, markup, reason) => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-bypass-'))
    await cp(join(ROOT, 'test/fixtures/broken/template-script/manuscript'), join(folder, 'manuscript'), { recursive: true })
    const template = await readFile(join(ROOT, 'templates/chapter.xhtml'), 'utf8')
    expect(template).toContain(old)
    await writeFile(join(folder, 'manuscript/templates/chapter.xhtml'), template.replace(old, markup))
    const run = await colophon(['build', 'manuscript', '--out', 'dist/book.epub'], { cwd: folder, env: { SOURCE_DATE_EPOCH: '' } })
    expect(run.code, run.stderr).toBe(1)
    const errors = parseReport(run.stderr).filter((message) => message.severity === 'error')
    expect(errors.length, run.stderr).toBeGreaterThan(0)
    for (const error of errors) {
      expect(error.file).toBe('a-test-book.epub/EPUB/text/chapter-1.xhtml')
      expect(error.reason).toContain("the book's own template `templates/chapter.xhtml`")
    }
    expect(errors[0]?.reason).toContain(reason)
    await expect(readdir(join(folder, 'dist')).catch(() => [])).resolves.toEqual([])
  })
})
