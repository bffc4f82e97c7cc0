import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { quickWellFormed } from '../src/verify/quick-well-formed.ts'
import { saxesError, wellFormedError } from '../src/verify/well-formed.ts'
import { BOOKS, buildBook } from './helpers/books.ts'
import { runs } from './helpers/runs.ts'

/**
 * The quick well-formedness test must never pass a document saxes finds
 * broken (it may leave a good one to saxes), and must pass the pages a
 * build makes, or the build gains nothing. Runs: COLOPHON_PROPERTY_RUNS.
 */
const RUNS = Number(process.env.COLOPHON_PROPERTY_RUNS ?? runs(1000))

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
const page = (body: string): string => `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html ${XHTML} lang="en" xml:lang="en">\n<head><title>T</title></head>\n<body>${body}</body>\n</html>\n`

/** Documents and what the quick test says of them; saxes must agree wherever it says `true`. */
const cases: Array<[string, string, boolean]> = [
  ['a page', page('<p class="x">A <em>b</em> &amp; c&#8217;s &#x2014;</p>'), true],
  ['lang and xml:lang on one element', page('<p lang="fr" xml:lang="fr">oui</p>'), true],
  ['a bound prefix', page('<section epub:type="chapter"><p>x</p></section>'), true],
  ['a comment', page('<!-- a note --><p>x</p>'), true],
  ['the NCX doctype', '<?xml version="1.0"?><!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd"><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"/>', true],
  ['single quotes and spaces', "<a  b = 'c>d' />", true],
  ['an empty root', '<root/>', true],
  ['an unbound prefix on an attribute', page('<p ops:type="x">y</p>'), false],
  ['an unbound prefix on an element', page('<svg:rect/>'), false],
  ['a duplicate attribute', page('<p class="a" class="b">x</p>'), false],
  ['two prefixes for one namespace', '<r xmlns:a="u" xmlns:b="u" a:x="1" b:x="2"/>', false],
  ['an entity XML does not define', page('<p>a&nbsp;b</p>'), false],
  ['a bare ampersand', page('<p>a & b</p>'), false],
  ['a character reference to NUL', page('<p>&#0;</p>'), false],
  ['a character reference to a surrogate', page('<p>&#xD800;</p>'), false],
  ['a character reference past Unicode', page('<p>&#x110000;</p>'), false],
  ['a forbidden character', page('<p>a\u0001b</p>'), false],
  ['a lone surrogate', page('<p>a\uD800b</p>'), false],
  ['U+FFFE', page('<p>a\uFFFEb</p>'), false],
  ['a misnested tag', page('<p><em>x</p></em>'), false],
  ['an unclosed tag', page('<p>x'), false],
  ['a stray end tag', page('</p>'), false],
  ['two roots', '<a/><b/>', false],
  ['text outside the root', 'x<a/>', false],
  ['text after the root', '<a/>x', false],
  ['no root', '<?xml version="1.0"?>', false],
  ['two hyphens in a comment', page('<!-- a -- b -->'), false],
  ['a comment ending in a hyphen', page('<!-- a --->'), false],
  ['an unquoted attribute', page('<p class=x>y</p>'), false],
  ['an attribute without a value', page('<p hidden>y</p>'), false],
  ['a less-than sign in an attribute', page('<p title="a<b">y</p>'), false],
  [']]> in text', page('<p>a ]]> b</p>'), false],
  ['the xml prefix rebound', '<r xmlns:xml="u"/>', false],
  ['an empty prefix binding', '<r xmlns:a=""/>', false],
  ['XML 1.1', '<?xml version="1.1"?><r/>', false],
  ['a declaration not at the start', ' <?xml version="1.0"?><r/>', false],
  ['a public identifier with a character XML does not allow there', '<!DOCTYPE r PUBLIC "é" "x"><r/>', false],
  ['a second doctype', '<!DOCTYPE r><!DOCTYPE r><r/>', false],
  ['a doctype after the root', '<r/><!DOCTYPE r>', false],
  ['a CDATA section (left to saxes)', page('<p><![CDATA[x]]></p>'), false],
  ['a processing instruction (left to saxes)', page('<?pi x?><p>y</p>'), false],
  ['a name outside ASCII (left to saxes)', '<ré/>', false],
]

describe('the quick well-formedness test', () => {
  for (const [name, xml, quick] of cases) {
    it(`${quick ? 'passes' : 'leaves to saxes'} ${name}`, () => {
      expect(quickWellFormed(xml)).toBe(quick)
      if (quick) expect(saxesError(xml)).toBeUndefined()
    })
  }

  it('gives saxes’s message, line and column for a broken page', () => {
    expect(wellFormedError(page('<p>a\n<em>b</p>'))).toMatchObject({ line: 6, message: expect.stringMatching(/close tag/) })
    expect(wellFormedError(page('<p>a&nbsp;b</p>'))).toEqual(saxesError(page('<p>a&nbsp;b</p>')))
  })

  describe('on the pages a build makes', () => {
    const pages: Array<[string, string]> = []
    beforeAll(async () => {
      for (const folder of [BOOKS.sample, BOOKS.full]) {
        const { zip } = await buildBook(folder)
        for (const name of Object.keys(zip.files).filter((entry) => /\.(xhtml|opf|ncx|xml|svg)$/.test(entry))) {
          pages.push([`${folder.split('/').pop()}: ${name}`, (await zip.file(name)?.async('string')) ?? ''])
        }
      }
    }, 120_000)

    it('passes every one, so that saxes is never needed', () => {
      expect(pages.length).toBeGreaterThan(20)
      for (const [name, xml] of pages) expect(quickWellFormed(xml), name).toBe(true)
    })

    it(`never passes one saxes finds broken, however it is cut and patched (${RUNS} cases)`, () => {
      const bits = ['<', '>', '/', '&', ';', '"', "'", '=', ':', '!', '?', '-', ' ', '\n', 'x', 'a:', 'xmlns', 'xml:', '<!--', '-->', ']]>', '&amp;', '&#', '&#x', '<p>', '</p>', '<em>', '</em>', '<br/>', ' id="a"', ' epub:type="x"', ' ops:x="y"', '\u0000', '\uD800', '\uFFFE', '<![CDATA[', '<?', '?>', '<!DOCTYPE html>']
      const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...bits), { maxLength: 3 }).map((list) => list.join('')) })
      fc.assert(
        fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
          let xml = (pages[which % pages.length] as [string, string])[1]
          for (const { at, cut, insert } of edits) {
            const where = at % (xml.length + 1)
            xml = xml.slice(0, where) + insert + xml.slice(where + cut)
          }
          if (quickWellFormed(xml)) expect(saxesError(xml)).toBeUndefined()
        }),
        { numRuns: RUNS },
      )
    })
  })

  it(`never passes a generated document saxes finds broken (${RUNS * 10} cases)`, () => {
    const name = fc.constantFrom('a', 'b', 'p', 'x:a', 'y:b', 'xml:lang', 'xmlns', 'xmlns:x', 'xmlns:y', 'xmlns:xml', 'lang', '_c.d-e')
    const value = fc.constantFrom('', 'u', 'v', 'a&amp;b', 'a&b', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/', '>', '&#65;', '&#0;')
    const attribute = fc.tuple(name, value, fc.constantFrom('"', "'")).map(([key, text, quote]) => ` ${key}=${quote}${text}${quote}`)
    const token = fc.oneof(
      fc.tuple(name, fc.array(attribute, { maxLength: 3 }), fc.boolean()).map(([tag, attributes, empty]) => `<${tag}${attributes.join('')}${empty ? '/' : ''}>`),
      name.map((tag) => `</${tag}>`),
      fc.constantFrom('text', ' ', '\n', '&amp;', '&lt;', '&nbsp;', '&', '<!-- c -->', '<!-- - -->', '<!---->', '<!DOCTYPE a>', '<?xml version="1.0"?>', ']]>', '\u0001', '\uD800', '😀'),
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const xml = tokens.join('')
        if (quickWellFormed(xml)) expect(saxesError(xml)).toBeUndefined()
      }),
      { numRuns: RUNS * 10 },
    )
  })
})
