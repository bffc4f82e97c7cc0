import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyReferences } from '../src/verify/index.ts'
import { ncxPlayOrderProblems } from '../src/verify/schema-rules.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { woffToSfnt } from '../src/cover/woff.ts'
import { epubcheckTs } from './helpers/epub.ts'
import { rezip } from './helpers/books.ts'
import { SMALL_BOOK_YAML, smallManuscript } from './helpers/manuscript.ts'

const FONT_BOOK = join(ROOT, 'test/fixtures/broken/template-font-valid/manuscript')
const NORMAL = 'EPUB/css/fonts/eb-garamond-latin-400-normal.woff2'

describe('a book whose own book.css names fonts and an image', () => {
  let folder: string
  let epub: Uint8Array
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'colophon-verify-'))
    const run = await colophon(['build', FONT_BOOK, '--out', join(folder, 'font.epub'), '--no-cache'], { env: { SOURCE_DATE_EPOCH: '' } })
    expect(run.code, run.stderr).toBe(0)
    epub = new Uint8Array(await readFile(join(folder, 'font.epub')))
    // A PATH without Java and Chromium: `colophon check` runs colophon's own checks and epubcheck-ts only.
    await mkdir(join(folder, 'no-tools'))
  })

  it('is built with each font at its URL, with its core media type, and passes epubcheck-ts', async () => {
    const zip = await JSZip.loadAsync(epub)
    const opf = await zip.file('EPUB/content.opf')!.async('string')
    expect(opf).toContain('href="css/fonts/eb-garamond-latin-400-normal.woff2" media-type="font/woff2"')
    expect(opf).toContain('href="css/fonts/eb-garamond-latin-400-italic.woff" media-type="font/woff"')
    expect(opf).toContain('href="css/images/rule.png" media-type="image/png"')
    const font = await readFile(join(FONT_BOOK, 'templates/fonts/eb-garamond-latin-400-normal.woff2'))
    expect(Buffer.from(await zip.file(NORMAL)!.async('uint8array')).equals(font)).toBe(true)
    expect((await epubcheckTs(epub)).messages).toEqual([])
  })

  /** `colophon check` on the book changed by `change`: its exit code and colophon's own findings. */
  async function checkChanged(name: string, change: (zip: JSZip, opf: string, css: string, page: string) => void): Promise<{ code: number | null; findings: string[] }> {
    const zip = await JSZip.loadAsync(epub)
    const opf = await zip.file('EPUB/content.opf')!.async('string')
    const css = await zip.file('EPUB/css/book.css')!.async('string')
    const page = await zip.file('EPUB/text/chapter-1.xhtml')!.async('string')
    const path = join(folder, `${name}.epub`)
    await writeFile(path, await rezip(zip, (out) => change(out, opf, css, page)))
    const run = await colophon(['check', path], { env: { PATH: join(folder, 'no-tools'), EPUBCHECK_JAR: '' } })
    const section = run.stdout.split(/\n(?= {2}\S)/).find((part) => part.startsWith('  colophon')) ?? ''
    return { code: run.code, findings: section.split('\n').slice(1).map((line) => line.trim()) }
  }

  it('a manifest item whose file is gone: an error at its <item>', async () => {
    const { code, findings } = await checkChanged('gone', (zip) => zip.remove(NORMAL))
    expect(code).toBe(1)
    expect(findings).toEqual([expect.stringMatching(/^EPUB\/content\.opf:\d+:1 error Unexpected manifest item `css\/fonts\/eb-garamond-latin-400-normal\.woff2` with no file in the book/)])
  })

  it('a media type its bytes belie: an error naming what the bytes are', async () => {
    const { code, findings } = await checkChanged('media-type', (zip, opf) =>
      zip.file('EPUB/content.opf', opf.replace('media-type="font/woff2"', 'media-type="image/png"')),
    )
    expect(code).toBe(1)
    expect(findings).toEqual([expect.stringMatching(/content\.opf:\d+:1 error Unexpected media type `image\/png` for `css\/fonts\/eb-garamond-latin-400-normal\.woff2`: its bytes are `font\/woff2`/)])
  })

  it('a style sheet or a page naming a file the book lacks: an error at the url() or the attribute', async () => {
    let lines = 0
    const { code, findings } = await checkChanged('references', (zip, _opf, css, page) => {
      lines = css.split('\n').length + 1
      zip.file('EPUB/css/book.css', `${css}\nh2 { background: url("../images/gone.png"); }\n`)
      zip.file('EPUB/text/chapter-1.xhtml', page.replace('</body>', '<p><img src="../images/lost.png" alt="Lost"/></p></body>'))
    })
    expect(code).toBe(1)
    expect(findings).toEqual([
      `EPUB/css/book.css:${lines}:18 error Unexpected reference to \`../images/gone.png\`, which is not a file of the book, expected a file listed in the manifest (reference-missing)`,
      expect.stringMatching(/^EPUB\/text\/chapter-1\.xhtml:\d+:\d+ error Unexpected reference to `\.\.\/images\/lost\.png`/),
    ])
  })

  it('leaves remote links, in-page links and attribute-like text alone', () => {
    const page = '<html><body><p>Write href="nowhere.png" in prose.</p><a href="https://example.com/">x</a><a href="#top">top</a></body></html>'
    const entries = [
      { path: 'META-INF/container.xml', data: '<container><rootfiles><rootfile full-path="OPS/p.opf"/></rootfiles></container>' },
      { path: 'OPS/p.opf', data: '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest></package>' },
      { path: 'OPS/a.xhtml', data: page },
    ]
    expect(verifyReferences(entries)).toEqual([])
    // A file the manifest leaves out: an error for a book colophon makes.
    const unlisted = verifyReferences([...entries, { path: 'OPS/stray.css', data: 'p {}' }])
    expect(unlisted.map((message) => message.reason)).toEqual([expect.stringMatching(/^Unexpected file `OPS\/stray\.css` that is not in the manifest/)])
  })
})

describe('a TrueType font, and fonts named from an XHTML template', () => {
  it('are packaged as font/ttf, and the book passes epubcheck-ts', async () => {
    // EB Garamond's WOFF unwrapped into the TrueType font it holds.
    const woff = await readFile(join(ROOT, 'node_modules/@fontsource/eb-garamond/files/eb-garamond-latin-400-normal.woff'))
    const ttf = woffToSfnt(new Uint8Array(woff))
    const builtin = await readFile(join(ROOT, 'templates/book.css'), 'utf8')
    const chapter = await readFile(join(ROOT, 'templates/chapter.xhtml'), 'utf8')
    const manuscript = await smallManuscript(
      {
        'templates/fonts/garamond.ttf': ttf,
        'templates/book.css': `${builtin}\n@font-face { font-family: "Garamond"; src: url(fonts/garamond.ttf) format("truetype"); }\nbody { font-family: "Garamond", serif; }\n`,
        'images/ornament.png': await readFile(join(ROOT, 'test/fixtures/broken/image-valid/manuscript/chapters/01-one/dot.png')),
        // Replaces colophon's chapter.xhtml: the ornament is named from text/chapter-1.xhtml, so `../images/`.
        'templates/chapter.xhtml': chapter.replaceAll('{{{body}}}', '<p><img src="../images/ornament.png" alt=""/></p>{{{body}}}'),
      },
      SMALL_BOOK_YAML,
    )
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-ttf-')), 'book.epub')
    const run = await colophon(['build', manuscript, '--out', out, '--no-cache'])
    expect(run.code, run.stderr).toBe(0)
    const epub = new Uint8Array(await readFile(out))
    const zip = await JSZip.loadAsync(epub)
    const opf = await zip.file('EPUB/content.opf')!.async('string')
    expect(opf).toContain('href="css/fonts/garamond.ttf" media-type="font/ttf"')
    expect(opf).toContain('href="images/ornament.png" media-type="image/png"')
    expect((await epubcheckTs(epub)).messages).toEqual([])
  })
})

describe("a book's own templates that write what EPUBCheck's schemas refuse", () => {
  // Both fixtures are the Kindle preflight's; built as plain EPUBs they exited 0 with a book both EPUBChecks failed.
  const cases: Array<[string, string, RegExp]> = [
    ['an `<img>` without `src` (templates/chapter.xhtml)', 'img-src', /preflight-img-src\.epub\/EPUB\/text\/chapter-1\.xhtml\n\s*12:1 +error Unexpected `<img>` without a `src`, expected the path of an image in the book +img-src/],
    ['a toc.ncx giving one target two playOrders', 'spine-ncx-order', /preflight-spine-ncx-order\.epub\/EPUB\/toc\.ncx\n\s*25:1 +error Unexpected playOrder="99" for `text\/foreword\.xhtml`, which an earlier entry gives playOrder="1", expected one playOrder per target +ncx-play-order/],
  ]
  for (const [what, id, message] of cases) {
    it(`${what}: exit 1 at the place in the book, nothing written`, async () => {
      const folder = await mkdtemp(join(tmpdir(), 'colophon-schema-'))
      const out = join(folder, 'book.epub')
      const run = await colophon(['build', join(ROOT, 'test/fixtures/preflight', id), '--target', 'epub', '--out', out, '--no-cache'])
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toMatch(message)
      await expect(readFile(out)).rejects.toThrow(/ENOENT/)
    })
  }

  it('an NCX whose playOrders leave a gap, or share one between two targets', () => {
    const point = (order: number, src: string): string => `<navPoint id="p${order}${src.length}" playOrder="${order}"><navLabel><text>x</text></navLabel><content src="${src}"/></navPoint>`
    const ncx = (...points: string[]): string => `<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${points.join('')}</navMap></ncx>`
    expect(ncxPlayOrderProblems(ncx(point(1, 'a.xhtml'), point(2, 'b.xhtml'), point(2, 'b.xhtml')))).toEqual([])
    expect(ncxPlayOrderProblems(ncx(point(1, 'a.xhtml'), point(3, 'b.xhtml'))).map((problem) => problem.reason)).toEqual([
      'Unexpected playOrder="3" with no entry at 2, expected playOrders that run from 1 without a gap',
    ])
    expect(ncxPlayOrderProblems(ncx(point(1, 'a.xhtml'), point(1, 'b.xhtml'))).map((problem) => problem.reason)).toEqual([
      'Unexpected playOrder="1" for `b.xhtml`, which an earlier entry gives `a.xhtml`, expected one target per playOrder',
    ])
    // The problem is at the entry's own tag (past a title in another plane), and only a `<content>` child of the entry counts.
    const nested = `<navPoint id="n" playOrder="1"><navLabel><text>𝔄 title</text><content src="label.xhtml"/></navLabel><content src="a.xhtml"/>${point(2, 'b.xhtml')}</navPoint>`
    const text = ncx(nested, point(1, 'a.xhtml'), point(2, 'c.xhtml'))
    const [problem, ...rest] = ncxPlayOrderProblems(text)
    expect(rest).toEqual([])
    expect(problem?.reason).toBe('Unexpected playOrder="2" for `c.xhtml`, which an earlier entry gives `b.xhtml`, expected one target per playOrder')
    expect(text.slice(problem?.offset)).toMatch(/^<navPoint id="p27" playOrder="2"><navLabel><text>x<\/text><\/navLabel><content src="c\.xhtml"\/><\/navPoint><\/navMap>/)
    expect(ncxPlayOrderProblems('<ncx><navMap><navPoint playOrder="1">&undefined;</navPoint></navMap></ncx>')).toEqual([])
  })
})
