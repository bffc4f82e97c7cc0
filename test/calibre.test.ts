import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { BOOKS, buildBook, type BuiltBook } from './helpers/books.ts'

const run = promisify(execFile)
const env = { ...process.env, QT_QPA_PLATFORM: 'offscreen' }
const hasCalibre = ['/usr/bin/ebook-meta', '/usr/local/bin/ebook-meta'].some((path) => existsSync(path))

/** `ebook-meta`'s fields, `Title               : Sequence` → Title: Sequence. */
async function ebookMeta(path: string, ...args: string[]): Promise<Map<string, string>> {
  const { stdout } = await run('ebook-meta', [path, ...args], { env })
  const fields = new Map<string, string>()
  for (const line of stdout.split('\n')) {
    const match = /^(\S[^:]*?)\s*: (.*)$/.exec(line)
    if (match?.[1] && match[2] !== undefined) fields.set(match[1], match[2])
  }
  return fields
}

/** calibre's own reading of the book's UUID, which `ebook-meta` does not print. */
async function calibreUuid(path: string): Promise<string> {
  const script = 'import sys; from calibre.ebooks.metadata.epub import get_metadata; print(get_metadata(open(sys.argv[-1], "rb")).uuid)'
  const { stdout } = await run('calibre-debug', ['-c', script, path], { env })
  return stdout.trim().split('\n').at(-1) ?? ''
}

async function coverBytes(book: BuiltBook): Promise<Uint8Array> {
  const out = join(await mkdtemp(join(tmpdir(), 'colophon-calibre-')), 'cover.img')
  const { stdout } = await run('ebook-meta', [book.path, `--get-cover=${out}`], { env })
  expect(stdout).toMatch(/Cover saved to/)
  return new Uint8Array(await readFile(out))
}

async function coverInBook(book: BuiltBook): Promise<Uint8Array> {
  const opf = (await book.zip.file('EPUB/content.opf')?.async('string')) ?? ''
  const href = /<item id="[^"]+" href="([^"]+)" media-type="[^"]+" properties="cover-image"\/>/.exec(opf)?.[1]
  return (await book.zip.file(`EPUB/${href}`)?.async('uint8array')) ?? new Uint8Array()
}

// Outside CI a machine without calibre skips these, saying why in their title; in CI they run, and fail without it.
describe.skipIf(!hasCalibre && process.env.CI !== 'true')(`calibre reads the books${hasCalibre ? '' : ' (skipped: calibre is not installed, `apt-get install calibre`)'}`, () => {
  let sample: BuiltBook
  let full: BuiltBook
  beforeAll(async () => {
    sample = await buildBook(BOOKS.sample)
    full = await buildBook(BOOKS.full)
  })

  it('the sample: title, author, tags, language, identifier and cover', async () => {
    const fields = await ebookMeta(sample.path)
    expect(fields.get('Title')).toBe('Sequence')
    expect(fields.get('Author(s)')).toBe('truffles')
    expect(fields.get('Tags')?.split(', ')).toEqual(expect.arrayContaining(['Star Trek (2009)', 'Star Trek Into Darkness (2013)', 'Spock', 'Grief/Mourning']))
    expect(fields.get('Languages')).toBe('eng')
    expect(fields.has('Series')).toBe(false)
    expect(await calibreUuid(sample.path)).toBe('71822416-65e6-5dd7-8c70-44f861979fa3')
    expect(await coverBytes(sample)).toEqual(await coverInBook(sample))
  })

  it('the full book: title, authors, series, tags, language, ISBN and the given cover', async () => {
    const fields = await ebookMeta(full.path)
    expect(fields.get('Title')).toMatch(/^Les Heures bleues/)
    expect(fields.get('Title sort')).toBe('Heures bleues, Les')
    expect(fields.get('Author(s)')).toBe('Camille Roux & Élise Marchand [Roux, Camille & Marchand, Élise]')
    expect(fields.get('Series')).toBe('Les Nuits de Paris #2')
    expect(fields.get('Tags')?.split(', ')).toEqual(expect.arrayContaining(['Les Misérables - Victor Hugo', 'Jean Valjean & Cosette', 'Javert', 'Deuil']))
    expect(fields.get('Languages')).toBe('fra')
    expect(fields.get('Identifiers')).toBe('isbn:9782956123453')
    expect(fields.get('Publisher')).toBe('Éditions de la Lanterne')
    const given = new Uint8Array(await readFile(join(BOOKS.full, 'cover.png')))
    expect(await coverBytes(full)).toEqual(given)
  })
})
