import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cssUrls, scanCss } from '../src/css-urls.ts'
import { cssProblems } from '../src/load/css-check.ts'
import { bookDate } from '../src/load/book-date.ts'
import { runs } from './helpers/runs.ts'

describe('bookDate (book.yaml `date`)', () => {
  const day = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })

  it('keeps every real year, month, day and UTC timestamp as given', () => {
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString()
        for (const form of [iso.slice(0, 4), iso.slice(0, 7), iso.slice(0, 10), `${iso.slice(0, 19)}Z`, `${iso.slice(0, 16)}+02:00`]) {
          expect(bookDate(form)).toBe(form)
        }
      }),
    )
  })

  it('gives back a string only as it was given, and only in one of the forms', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const kept = bookDate(text)
        if (kept !== undefined) {
          expect(kept).toBe(text)
          expect(text).toMatch(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/)
        }
      }),
      { numRuns: runs(2000) },
    )
  })

  it('refuses days that do not exist', () => {
    for (const text of ['2013-02-29', '2013-04-31', '2013-00-10', '2013-13-01', '2013-05-00', '2013-05-20T24:00Z', '2013-05-20T10:60Z']) expect(bookDate(text), text).toBeUndefined()
    for (const text of ['2012-02-29', '2000-02-29', '0000-02-29']) expect(bookDate(text), text).toBe(text)
    for (const text of ['1900-02-29', '2100-02-29']) expect(bookDate(text), text).toBeUndefined()
  })
})

describe('cssUrls (css-tree tokenizer)', () => {
  const path = fc.stringMatching(/^[a-z0-9][a-z0-9._/-]{0,30}$/)

  it('finds a URL written bare, quoted either way, in any letter case, and not in a comment or another string', () => {
    fc.assert(
      fc.property(path, fc.constantFrom('url', 'URL', 'Url'), (url, name) => {
        const css = `/* url(${url}) */ a { b: ${name}(${url}); c: ${name}("${url}"); d: ${name}( '${url}' ); content: "url(${url})"; }`
        expect(cssUrls(css).map((found) => found.url)).toEqual([url, url, url])
      }),
    )
  })

  it('tells an @import, in either spelling, from a url()', () => {
    const found = cssUrls('@import "a.css";\n@import url(b.css);\n@IMPORT url("c.css") print;\np { background: url(d.png) }')
    expect(found.map(({ url, kind, offset }) => [url, kind, offset])).toEqual([
      ['a.css', 'import', 0],
      ['b.css', 'import', 17],
      ['c.css', 'import', 37],
      ['d.png', 'url', 81],
    ])
  })

  it('decodes CSS escapes', () => {
    expect(cssUrls('a { b: url("f\\6fnt\\\\x.woff2"); c: url(a\\ b.png) }').map((found) => found.url)).toEqual(['font\\x.woff2', 'a b.png'])
  })

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (css) => void cssUrls(css)), { numRuns: runs(2000) })
  })

  it('finds every string of a resource function, an escaped url( and the script the checker refuses, in one scan', () => {
    const css = 'a { b: image-set("x.png" 1x, "https://e.com/y.png" 2x); c: u\\72l(https://e.com/z.png); behavior : url(b.htc); d: expression(alert(1)) }'
    const mentions = scanCss(css)
    expect(mentions.filter((found) => found.kind === 'url').map((found) => found.kind === 'url' && [found.url, found.in])).toEqual([
      ['x.png', 'image-set'],
      ['https://e.com/y.png', 'image-set'],
      ['https://e.com/z.png', 'url'],
      ['b.htc', 'url'],
    ])
    expect(mentions.some((found) => found.kind === 'property' && found.name === 'behavior')).toBe(true)
    expect(mentions.some((found) => found.kind === 'function' && found.name === 'expression')).toBe(true)
    const reasons = cssProblems(css).map((problem) => problem.reason)
    expect(reasons.filter((reason) => reason.includes('remote'))).toHaveLength(2)
    expect(reasons.some((reason) => reason.includes('`behavior`'))).toBe(true)
    expect(reasons.some((reason) => reason.includes('`expression()`'))).toBe(true)
  })

  it('refuses an @import, its url() at itself, and no string outside a resource function', () => {
    expect(cssProblems('@import url(https://e.com/a.css);\n@import "https://e.com/b.css";\np::before { content: "https://e.com/c.png" }').map((problem) => problem.offset)).toEqual([0, 8, 34])
  })
})
