import { createHash } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BookError, build, coverFonts, svgToPng, typographicCover } from '../src/index.ts'
import { BOOKS, buildBook, type BuiltBook } from './helpers/books.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { entryText, openEpub } from './helpers/epub.ts'
import { decodePng } from './helpers/png.ts'
import { Resvg } from '@resvg/resvg-js'
import { drawCover } from '../src/cover/index.ts'

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

async function entryBytes(book: BuiltBook, path: string): Promise<Uint8Array> {
  const entry = book.zip.file(path)
  if (!entry) throw new Error(`No ${path}`)
  return entry.async('uint8array')
}

/** PNG width and height from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe('the drawn cover of a book without cover.jpg or cover.png', () => {
  let sample: BuiltBook
  beforeAll(async () => {
    sample = await buildBook(BOOKS.sample)
  })

  it('is a 1600 × 2400 PNG, byte-identical on every build, in this process and another', { timeout: 300_000 }, async () => {
    const first = await entryBytes(sample, 'EPUB/images/cover.png')
    expect([...first.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(pngSize(first)).toEqual({ width: 1600, height: 2400 })
    const again = await build(BOOKS.sample, { env: {} })
    const second = await (await openEpub(again.epub)).file('EPUB/images/cover.png')?.async('uint8array')
    expect(second && sha(second)).toBe(sha(first))
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-cover-')), 'book.epub')
    const run = await colophon(['build', 'manuscript', '--out', out], { env: { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' } })
    expect(run.code, run.stderr).toBe(0)
    const third = await (await openEpub(await readFile(out))).file('EPUB/images/cover.png')?.async('uint8array')
    expect(third && sha(third)).toBe(sha(first))
  })

  it('draws its letters as paths from the bundled font, so no installed font can change it', () => {
    const text = { title: 'Sequence', authors: 'truffles', series: 'Part 2 of The Kelvin Timeline' }
    const svg = typographicCover(text, coverFonts())
    expect(svg).not.toMatch(/<text|font-family/)
    expect(svg).not.toContain('NaN')
    expect(svg.match(/<path /g)?.length).toBeGreaterThan('SequencetrufflesPart2ofTheKelvinTimeline'.length - 3)
    expect(typographicCover(text, coverFonts())).toBe(svg)
    expect(typographicCover({ ...text, title: 'Other' }, coverFonts())).not.toBe(svg)
    // Rasterised twice, apart from the build's cache of recent covers: the same bytes.
    expect(sha(svgToPng(svg))).toBe(sha(svgToPng(svg)))
  })

  it('is the picture resvg draws from the whole SVG, though only the lettering goes through resvg', () => {
    const texts = [
      { title: 'Sequence', authors: 'truffles', series: 'Part 2 of The Kelvin Timeline' },
      { title: 'Les Heures bleues', subtitle: 'Roman en trois nuits, à lire lentement', authors: 'Amélie Durand and Jean Dupont' },
      { title: 'Supercalifragilisticexpialidociousnessfulness', authors: 'Ann' },
      // Lettering that runs into the rule: drawn whole from the SVG, in full colour.
      {
        series: 'The series that has a name long enough to take two lines of the cover above the title',
        title: 'A title long enough to fill all four lines that a title may take on the cover',
        subtitle: 'and a subtitle long enough to fill the three lines that a subtitle may take, down to the rule',
        authors: 'Ann Author, Bob Author, Cid Author, Dee Author, Eve Author, Fay Author, Gus Author, Hal Author, Ivy Author and Jon Author of the many, many names',
      },
    ]
    const kinds = texts.map((text) => {
      const png = drawCover(text)
      const ours = decodePng(png)
      const whole = new Resvg(typographicCover(text, coverFonts()), { font: { loadSystemFonts: false }, shapeRendering: 2 }).render().pixels
      let apart = 0
      let most = 0
      for (let pixel = 0; pixel < ours.width * ours.height; pixel++) {
        for (let channel = 0; channel < 3; channel++) {
          const difference = Math.abs((ours.rgb[pixel * 3 + channel] as number) - (whole[pixel * 4 + channel] as number))
          most = Math.max(most, difference)
          if (difference > 1) apart++
        }
      }
      // resvg's edges move by a level or two where a band's origin moves the outline's
      // fractions: a few pixels of 3,840,000, never by more than a tenth of the contrast.
      expect({ width: ours.width, height: ours.height }).toEqual({ width: 1600, height: 2400 })
      expect(apart, text.title).toBeLessThan(200)
      expect(most, text.title).toBeLessThanOrEqual(24)
      return ours.colourType
    })
    expect(kinds).toEqual([3, 3, 3, 6])
  })

  it('reads the same glyphs from the WOFF fonts through zlib as opentype.js reads from them itself', async () => {
    const opentype = await import('opentype.js/dist/opentype.min.mjs')
    const { woffToSfnt } = await import('../src/cover/woff.ts')
    for (const file of ['latin-400', 'latin-600', 'latin-ext-400', 'latin-ext-600']) {
      const woff = await readFile(join(ROOT, `node_modules/@fontsource/eb-garamond/files/eb-garamond-${file}-normal.woff`))
      const itself = opentype.parse(woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength) as ArrayBuffer)
      const ours = opentype.parse(woffToSfnt(woff).buffer as ArrayBuffer, { lowMemory: true })
      expect(ours.numGlyphs).toBe(itself.numGlyphs)
      for (let index = 0; index < itself.numGlyphs; index++) {
        const [a, b] = [itself.glyphs.get(index), ours.glyphs.get(index)]
        expect([b.advanceWidth, b.getPath(0, 0, 100).toPathData(2)]).toEqual([a.advanceWidth, a.getPath(0, 0, 100).toPathData(2)])
      }
    }
  })

  it('is wired as e-readers expect: first in the spine, cover-image, <meta name="cover">, landmark and guide', async () => {
    const opf = await entryText(sample.zip, 'EPUB/content.opf')
    const spine = [...opf.matchAll(/<itemref ([^>]*)\/>/g)].map((match) => match[1] ?? '')
    expect(spine[0]).toBe('idref="cover"')
    const item = /<item id="([^"]+)" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/.exec(opf)
    expect(item).not.toBeNull()
    expect(opf).toContain(`<meta name="cover" content="${item?.[1]}"/>`)
    expect(opf).toContain('<reference type="cover" title="Cover" href="text/cover.xhtml"/>')
    const nav = await entryText(sample.zip, 'EPUB/nav.xhtml')
    expect(nav).toContain('<a epub:type="cover" href="text/cover.xhtml">Cover</a>')
    const page = await entryText(sample.zip, 'EPUB/text/cover.xhtml')
    expect(page).toContain('<img src="../images/cover.png" alt="Cover: Sequence, by truffles" role="doc-cover"/>')
  })
})

describe('a cover the manuscript gives', () => {
  it('goes into the book as it is, with the alt text book.yaml gives', async () => {
    const full = await buildBook(BOOKS.full)
    const given = new Uint8Array(await readFile(join(BOOKS.full, 'cover.png')))
    expect(sha(await entryBytes(full, 'EPUB/images/cover.png'))).toBe(sha(given))
    const page = await entryText(full.zip, 'EPUB/text/cover.xhtml')
    expect(page).toContain('alt="Un ciel bleu de nuit au-dessus de montagnes sombres, une pleine lune en haut à droite."')
    expect(page).toContain('<title>Les Heures bleues : Couverture</title>'.replace(' :', ':'))
  })

  it('is a book error when its bytes are not the image its name says', async () => {
    const error = await build(join(ROOT, 'test/fixtures/books/bad-cover'), { env: {} }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    expect(String(error)).toMatch(/bad-cover\/cover\.png.*Unexpected content for `cover\.png`, expected a PNG image/)
  })
})
