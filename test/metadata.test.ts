import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BookError, loadBook } from '../src/index.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { BOOKS, buildBook, definitions, type BuiltBook } from './helpers/books.ts'
import { entryText } from './helpers/epub.ts'

const BAD = join(ROOT, 'test/fixtures/books/bad-metadata')

/** Line and column of the first occurrence of `text` in `source`, 1-based. */
function placeOf(source: string, text: string): string {
  const offset = source.indexOf(text)
  const before = source.slice(0, offset).split('\n')
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`
}

describe('book.yaml problems', () => {
  it('are each reported at their YAML line and column with the expected form, and nothing is built', async () => {
    const source = await readFile(join(BAD, 'book.yaml'), 'utf8')
    const out = join(await mkdtemp(join(tmpdir(), 'colophon-meta-')), 'bad.epub')
    const run = await colophon(['build', BAD, '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    const expected: Array<[string, RegExp]> = [
      ['rol', /Unexpected key `rol`, did you mean `role`\?/],
      ['english please', /`language`: `english please` is not a BCP 47 language tag.*expected one such as en/],
      ['978-2-95-612345-4', /`identifier`, expected a UUID .* an ISBN with a valid check digit/],
      ['numbr', /Unexpected key `numbr`, did you mean `number`\?/],
      ['Teen', /`rating`, expected one of General Audiences, Teen And Up Audiences/],
      ['Death]', /`warnings.1`, expected one of .*Major Character Death/],
      ['done', /`status`, expected complete or in-progress/],
      ['ftp://', /`source`, expected an http\(s\) URL/],
      ['-3', /`words`, expected a whole number/],
      ['fandom:', /Unexpected key `fandom`, did you mean `fandoms`\?/],
    ]
    for (const [text, message] of expected) {
      const line = run.stderr.split('\n').find((entry) => entry.includes(placeOf(source, text)))
      expect(line, `${text} at ${placeOf(source, text)} in\n${run.stderr}`).toMatch(message)
    }
    expect(await readdir(join(out, '..'))).toEqual([])
  })

  it('come from the library API as positioned messages', async () => {
    const error = await loadBook(BAD).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    const messages = (error as BookError).messages
    expect(messages.length).toBe(10)
    for (const message of messages) {
      expect(message.file).toMatch(/book\.yaml$/)
      expect(message.line).toBeGreaterThan(0)
      expect(message.column).toBeGreaterThan(0)
    }
  })
})

describe('metadata of the book that uses every field', () => {
  let book: BuiltBook
  let opf: string
  beforeAll(async () => {
    book = await buildBook(BOOKS.full)
    opf = await entryText(book.zip, 'EPUB/content.opf')
  })

  it('keeps the ISBN, with its check digit verified, as the stable identifier', () => {
    expect(opf).toContain('<dc:identifier id="uid">urn:isbn:9782956123453</dc:identifier>')
  })

  it('names authors as creators and the translator and illustrator as contributors, with roles and file-as', () => {
    expect(opf).toMatch(/<dc:creator id="author-1">Camille Roux<\/dc:creator>\s*<meta refines="#author-1" property="role" scheme="marc:relators">aut<\/meta>\s*<meta refines="#author-1" property="file-as">Roux, Camille<\/meta>/)
    expect(opf).toMatch(/<dc:creator id="author-2">Élise Marchand<\/dc:creator>/)
    expect(opf).toMatch(/<dc:contributor id="author-3">Jean Dupont<\/dc:contributor>\s*<meta refines="#author-3" property="role" scheme="marc:relators">trl<\/meta>/)
    expect(opf).toMatch(/<dc:contributor id="author-4">Lou Garnier<\/dc:contributor>\s*<meta refines="#author-4" property="role" scheme="marc:relators">ill<\/meta>/)
  })

  it('puts the series where EPUB 3 readers and calibre look for it', () => {
    expect(opf).toContain('<meta property="belongs-to-collection" id="series">Les Nuits de Paris</meta>')
    expect(opf).toContain('<meta refines="#series" property="collection-type">series</meta>')
    expect(opf).toContain('<meta refines="#series" property="group-position">2</meta>')
    expect(opf).toContain('<meta name="calibre:series" content="Les Nuits de Paris"/>')
    expect(opf).toContain('<meta name="calibre:series_index" content="2"/>')
  })

  it('gives the description as plain text, subjects with the fan-fiction tags, source, sort title and language', () => {
    expect(opf).toContain('<dc:description>Après la barricade, Jean Valjean veille sur Cosette une dernière fois. Deux nuits, deux jardins, et la lettre qu’il n’enverra pas.</dc:description>')
    for (const subject of ['Fan fiction', 'Les Misérables - Victor Hugo', 'Jean Valjean &amp; Cosette', 'Javert', 'Deuil']) {
      expect(opf).toContain(`<dc:subject>${subject}</dc:subject>`)
    }
    expect(opf).toContain('<dc:source>https://archiveofourown.org/works/1234567</dc:source>')
    expect(opf).toContain('<meta refines="#title" property="file-as">Heures bleues, Les</meta>')
    expect(opf).toContain('<dc:language>fr</dc:language>')
  })

  it('shows the fan-fiction preface on the title page in the book’s language, with the words counted from the text', async () => {
    const titlepage = await entryText(book.zip, 'EPUB/text/titlepage.xhtml')
    const facts = definitions(titlepage)
    expect([...facts.keys()]).toEqual(['Classement', 'Avertissements', 'Fandoms', 'Relations', 'Personnages', 'Autres étiquettes', 'Série', 'État', 'Mots', 'Source'])
    expect(facts.get('Fandoms')).toBe('Les Misérables - Victor Hugo')
    expect(facts.get('Série')).toBe('Tome 2 de Les Nuits de Paris')
    expect(facts.get('État')).toBe('Terminée')
    // Count the chapters' words independently: their text without headings, notes and end notes.
    let counted = 0
    const segmenter = new Intl.Segmenter('fr', { granularity: 'word' })
    for (const name of ['EPUB/text/chapter-1.xhtml', 'EPUB/text/chapter-2.xhtml']) {
      const body = ((/<body[^>]*>([\s\S]*)<\/body>/.exec(await entryText(book.zip, name)))?.[1] ?? '')
        .replace(/<h2[\s\S]*?<\/h2>/g, '')
        .replace(/<section class="footnotes"[\s\S]*?<\/section>/g, '')
        .replace(/<aside[\s\S]*?<\/aside>/g, '')
        .replace(/<a [^>]*epub:type="noteref"[^>]*>\d+<\/a>/g, '')
        .replace(/<[^>]+>/g, ' ')
      for (const segment of segmenter.segment(body)) if (segment.isWordLike) counted++
    }
    expect(counted).toBeGreaterThan(50)
    expect(Number(facts.get('Mots')?.replace(/\D/g, ''))).toBe(counted)
    expect(titlepage).toMatch(/<h2 id="summary-title">Résumé<\/h2>\s*<p>Après la barricade, Jean Valjean veille sur Cosette <em>une dernière fois<\/em>\.<\/p>/)
  })
})
