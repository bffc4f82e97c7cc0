import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { colophon } from './helpers/cli.ts'
import { epubcheckTs } from './helpers/epub.ts'
import { SMALL_BOOK_YAML, smallManuscript } from './helpers/manuscript.ts'

/** Build a small book whose book.yaml is `yaml`, through the real CLI, with no SOURCE_DATE_EPOCH. */
async function buildWith(yaml: string): Promise<{ code: number | null; stderr: string; opf?: string; epub?: Uint8Array; out: string }> {
  const manuscript = await smallManuscript({}, yaml)
  const out = join(await mkdtemp(join(tmpdir(), 'colophon-forms-')), 'book.epub')
  const run = await colophon(['build', manuscript, '--out', out, '--no-cache'], { env: { SOURCE_DATE_EPOCH: '' } })
  if (run.code !== 0) return { code: run.code, stderr: run.stderr, out }
  const epub = new Uint8Array(await readFile(out))
  const opf = await (await JSZip.loadAsync(epub)).file('EPUB/content.opf')!.async('string')
  return { code: run.code, stderr: run.stderr, opf, epub, out }
}

const withDate = (date: string): string => SMALL_BOOK_YAML.replace(/^date: .*$/m, `date: ${date}`)

describe('date in book.yaml', () => {
  // An unquoted 1813 is a YAML number, an unquoted 2013-05-20 a string (YAML 1.2), a Date under %YAML 1.1.
  const good: Array<[string, string, string]> = [
    ['1813', '1813', '1980-01-01T00:00:00Z'],
    ['"1813"', '1813', '1980-01-01T00:00:00Z'],
    ['1813-05', '1813-05', '1980-01-01T00:00:00Z'],
    ['2013-05-20', '2013-05-20', '2013-05-20T00:00:00Z'],
    ['2013-05-20T10:30:00Z', '2013-05-20T10:30:00Z', '2013-05-20T10:30:00Z'],
    ['2013-05-20T10:30:00+02:00', '2013-05-20T10:30:00+02:00', '2013-05-20T08:30:00Z'],
    ['2200', '2200', '2107-12-31T23:59:58Z'],
  ]
  for (const [given, written, modified] of good) {
    it(`takes \`date: ${given}\`, writes dc:date ${written} and a valid dcterms:modified`, async () => {
      const built = await buildWith(withDate(given))
      expect(built.code, built.stderr).toBe(0)
      expect(built.opf).toContain(`<dc:date>${written}</dc:date>`)
      expect(built.opf).toContain(`<meta property="dcterms:modified">${modified}</meta>`)
      const report = await epubcheckTs(built.epub!)
      expect(report.messages).toEqual([])
    })
  }

  it('reads a %YAML 1.1 date as the day it names', async () => {
    const built = await buildWith(`%YAML 1.1\n---\n${withDate('2013-05-20')}`)
    expect(built.code, built.stderr).toBe(0)
    expect(built.opf).toContain('<dc:date>2013-05-20</dc:date>')
  })

  it('builds the same bytes twice from a year-only date without SOURCE_DATE_EPOCH', async () => {
    const [first, second] = [await buildWith(withDate('1813')), await buildWith(withDate('1813'))]
    expect(Buffer.from(first.epub!).equals(Buffer.from(second.epub!))).toBe(true)
  })

  for (const bad of ['May 1813', '"2013-02-30"', '2013-13', '"2013-05-20 10:00"', '18130', '1813.5', '"13-05-20"', '[1813]']) {
    it(`refuses \`date: ${bad}\` at its line:col naming the forms it takes, writing nothing`, async () => {
      const built = await buildWith(withDate(bad))
      expect(built.code).toBe(1)
      expect(built.stderr).toMatch(/book\.yaml\n\s*4:7(-\d+:\d+)?\s+error Unexpected value for `date`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or a timestamp such as 2013-05-20T10:00:00Z/)
      expect(await readdir(join(built.out, '..'))).toEqual([])
    })
  }
})

describe("pandoc's and calibre's keys in book.yaml", () => {
  it('are each answered at their own line:col with the key colophon uses, and not also as missing keys', async () => {
    const yaml = 'title: A Small Book\nauthors: Ann Writer\nlang: en\nabstract: A story.\nkeywords: [sea]\nsubject: harbours\ncover-image: cover.png\ncreator: Ann\nseries_index: 2\n'
    const built = await buildWith(yaml)
    expect(built.code).toBe(1)
    const expected: Array<[string, RegExp]> = [
      ['2:1', /Unexpected key `authors` \(calibre's name\), did you mean `author`\?/],
      ['3:1', /Unexpected key `lang` \(pandoc's name\), did you mean `language`\?/],
      ['4:1', /Unexpected key `abstract` \(pandoc's name\), did you mean `description`\?/],
      ['5:1', /Unexpected key `keywords` \(pandoc's name\), did you mean `subjects`\?/],
      ['6:1', /Unexpected key `subject` \(pandoc's name\), did you mean `subjects`\?/],
      ['7:1', /Unexpected key `cover-image` \(pandoc's name\), expected the cover as cover\.jpg or cover\.png in the manuscript folder/],
      ['8:1', /Unexpected key `creator` \(pandoc's name\), did you mean `author`\?/],
      ['9:1', /Unexpected key `series_index` \(calibre's name\), did you mean `series`\? Expected `series: \{ name: "Series", number: 2 \}`/],
    ]
    for (const [place, message] of expected) {
      const line = built.stderr.split('\n').find((entry) => entry.trim().startsWith(`${place}-`))
      expect(line, `${place} in\n${built.stderr}`).toMatch(message)
    }
    // `lang` and `authors` answer for `language` and `author`: neither is reported missing as well.
    expect(built.stderr).not.toMatch(/`language`, expected|Missing `language`|value for `author`/)
    expect(built.stderr).toMatch(/✖ 8 errors/)
  })

  it("takes calibre's `tags` as colophon's own tags, which go into dc:subject", async () => {
    const built = await buildWith(`${SMALL_BOOK_YAML}tags: [Harbours, Rain]\n`)
    expect(built.code, built.stderr).toBe(0)
    expect(built.opf).toContain('<dc:subject>Harbours</dc:subject>')
  })
})
