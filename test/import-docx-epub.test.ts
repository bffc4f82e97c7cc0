import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import JSZip from 'jszip'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { BookError, build } from '../src/index.ts'
import { importBytes, type ImportedBook } from '../src/import/index.ts'
import { hastText } from '../src/import/blocks/text.ts'
import { openPackage } from '../src/import/package/zip.ts'
import { epubcheckTs } from './helpers/epub.ts'
import { ROOT } from './helpers/cli.ts'
import { PACKAGE_CASES, writeImported } from './helpers/imported.ts'

const FIXTURES = join(ROOT, 'test/fixtures/import')
const UPDATE = process.env.UPDATE === '1'

/** Each case: its input, and the source its words are counted from (shared with the Java EPUBCheck of the same books). */
const CASES = PACKAGE_CASES

const words = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** The story's words as its author wrote them: the Markdown after its YAML, the script's lines without their look, the HTML's body. */
async function sourceWords(folder: string, source: string): Promise<string[]> {
  const text = await readFile(join(folder, source), 'utf8')
  // An image's file name is no word of the story; its alt text is.
  if (source.endsWith('.md')) return words(text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\]\([^)]*\)/g, ']').replace(/\[\^[^\]]+\]:?/g, ''))
  if (source.endsWith('.html')) return words(hastText(bodyOf(fromHtml(text))))
  // The ornament lines are scene breaks, not words.
  const lines = text.split('\n').filter((line) => !line.startsWith('#') && !/^\[center\](?:\* \* \*|~\*~|o0o)$/.test(line))
  return words(lines.map((line) => line.replace(/^\[[a-z,]+\]/, '')).join('\n'))
}

function bodyOf(tree: Root): Element | Root {
  let body: Element | undefined
  visit(tree, 'element', (node) => {
    if (node.tagName === 'body') body = node
  })
  return body ?? tree
}

/** What a reader reads of a built page: its text and its images' alt text. */
function pageWords(xhtml: string): string[] {
  const tree = fromHtml(xhtml)
  const alts: string[] = []
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img' && typeof node.properties.alt === 'string') alts.push(node.properties.alt)
  })
  return words(`${hastText(bodyOf(tree))} ${alts.join(' ')}`)
}

/**
 * The book's words in reading order, as colophon sets them: the title page (title, `by`, author)
 * from book.yaml, then each page with its kind as its title, each chapter with its title.
 */
function bookWords(book: ImportedBook): string[] {
  const page = (p: { kind: string; markdown: string }): string[] => [...words(p.kind), ...words(p.markdown)]
  const { title, author } = book.metadata
  return [
    ...words(typeof title === 'string' ? title : ''),
    ...(typeof author === 'string' ? ['by', ...words(author)] : []),
    ...book.front.flatMap(page),
    ...book.chapters.flatMap((chapter) => [...words(chapter.title), ...words(chapter.headNote ?? ''), ...chapter.scenes.flatMap(words), ...words(chapter.endNote ?? '')]),
    ...book.back.flatMap(page),
  ]
}

/** The first source word (with its place) that the book does not have in order, or undefined when all are kept. */
function firstLost(source: string[], book: string[]): string | undefined {
  let at = 0
  for (const [index, word] of source.entries()) {
    while (at < book.length && book[at] !== word) at++
    if (at === book.length) return `word ${index + 1} \`${word}\` after \`${source.slice(Math.max(0, index - 5), index).join(' ')}\``
    at++
  }
  return undefined
}

function structure(book: ImportedBook): unknown {
  return {
    metadata: book.metadata,
    front: book.front.map((page) => page.kind),
    chapters: book.chapters.map((chapter) => ({
      title: chapter.title,
      scenes: chapter.scenes.length,
      ...(chapter.headNote ? { headNote: true } : {}),
      ...(chapter.endNote ? { endNote: true } : {}),
    })),
    back: book.back.map((page) => page.kind),
    cover: book.cover?.name ?? null,
    images: book.images.map((image) => image.name),
  }
}

describe.each(CASES)('import $name', ({ name, input, source }) => {
  const folder = join(FIXTURES, name)

  it('finds the structure in expected.json, reporting each guess at its place', async () => {
    const { book, file } = await importBytes(join(folder, input), await readFile(join(folder, input)), ROOT)
    const expectedPath = join(folder, 'expected.json')
    if (UPDATE || !existsSync(expectedPath)) await writeFile(expectedPath, `${JSON.stringify(structure(book), null, 2)}\n`)
    expect(structure(book)).toEqual(JSON.parse(await readFile(expectedPath, 'utf8')))
    const chapterMessages = file.messages.filter((message) => message.ruleId === 'import-chapter')
    expect(chapterMessages.length).toBeGreaterThanOrEqual(book.chapters.length)
    for (const message of file.messages) expect(String(message.reason)).toMatch(/\(|`/)
  })

  it('keeps every word of the source, in order', async () => {
    const { book } = await importBytes(join(folder, input), await readFile(join(folder, input)), ROOT)
    const lost = firstLost(await sourceWords(folder, source), bookWords(book))
    expect(lost).toBeUndefined()
  })

  // Java EPUBCheck checks the same book in test/epubcheck-java.test.ts (the slow project).
  it('builds into an EPUB that passes EPUBCheck with every word in it', async () => {
    const { book } = await importBytes(join(folder, input), await readFile(join(folder, input)), ROOT)
    const manuscript = await writeImported(book)
    const result = await build(manuscript, { env: {}, lint: false })
    const ts = await epubcheckTs(result.epub)
    expect(ts.messages).toEqual([])
    expect([ts.errors, ts.warnings]).toEqual([0, 0])
    const zip = await JSZip.loadAsync(result.epub)
    const texts = await Promise.all(Object.keys(zip.files).filter((path) => path.endsWith('.xhtml')).map((path) => zip.files[path]?.async('string') ?? ''))
    const built = new Map<string, number>()
    for (const word of texts.flatMap(pageWords)) built.set(word, (built.get(word) ?? 0) + 1)
    const wanted = new Map<string, number>()
    for (const word of await sourceWords(folder, source)) wanted.set(word, (wanted.get(word) ?? 0) + 1)
    const short = [...wanted].filter(([word, count]) => (built.get(word) ?? 0) < count)
    expect(short).toEqual([])
  }, 300_000)
})

describe('import: an EPUB colophon made', () => {
  it('reads the sample book back: the disclaimer, "Prologue: Sequence" with five scenes and its end note, the metadata', async () => {
    const built = await build(join(ROOT, 'manuscript'), { env: {}, lint: false })
    const { book, file } = await importBytes('sequence.epub', built.epub)
    expect(book.front.map((page) => page.kind)).toEqual(['disclaimer'])
    expect(book.chapters.map((chapter) => [chapter.title, chapter.scenes.length, Boolean(chapter.endNote)])).toEqual([['Prologue: Sequence', 5, true]])
    expect(book.back).toEqual([])
    expect(book.cover?.name).toBe('cover.png')
    expect(book.metadata).toMatchObject({ title: 'Sequence', author: 'truffles', language: 'en', date: '2013-05-20', identifier: 'urn:uuid:71822416-65e6-5dd7-8c70-44f861979fa3' })
    // colophon's own title page, contents and colophon page are left out, each with a message.
    expect(file.messages.filter((message) => message.ruleId === 'import-skip').length).toBeGreaterThanOrEqual(3)
    const source = await Promise.all(
      ['01-sequence.md', '02-scotty.md', '03-uhura.md', '04-bones.md', '05-spock.md', 'end-note.md'].map((name) => readFile(join(ROOT, 'manuscript/chapters/01-prologue', name), 'utf8')),
    )
    const chapter = book.chapters[0]
    expect(firstLost(words(source.join('\n')), words([...(chapter?.scenes ?? []), chapter?.endNote ?? ''].join('\n')))).toBeUndefined()
  }, 300_000)
})

describe('import: broken packages', () => {
  const fails = async (path: string): Promise<string> => {
    const error = await importBytes(path, await readFile(join(FIXTURES, path)), FIXTURES).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    const [message] = (error as BookError).messages
    expect(message?.fatal).toBe(true)
    return String(message)
  }

  it('a DOCX cut short is a corrupt DOCX, named', async () => {
    expect(await fails('docx-corrupt/story.docx')).toMatch(/^docx-corrupt\/story\.docx.*Unexpected corrupt DOCX .*expected a zip package/)
  })

  it('an EPUB cut short is a corrupt EPUB, named', async () => {
    expect(await fails('epub-corrupt/story.epub')).toMatch(/^epub-corrupt\/story\.epub.*Unexpected corrupt EPUB/)
  })

  it('a zip named .docx that holds no Word document says so', async () => {
    expect(await fails('zip-neither/story.docx')).toMatch(/Unexpected zip without a Word document \(`word\/document\.xml`\), expected a DOCX/)
  })

  it('a zip that is neither, by its name and bytes, is no story file', async () => {
    const bytes = await readFile(join(FIXTURES, 'zip-neither/story.docx'))
    const error = (await importBytes('list.zip', bytes).catch((caught: unknown) => caught)) as BookError
    expect(error).toBeInstanceOf(BookError)
    expect(String(error.messages[0])).toMatch(/^list\.zip.*Unexpected file/)
  })
})

/** A small EPUB 3 put together in the test, with what an attacker might put in it. */
async function epubWith(options: { opfHead?: string; title?: string; chapter: string; extra?: Record<string, string | Uint8Array> }): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
  zip.file('META-INF/container.xml', '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
  zip.file(
    'OEBPS/content.opf',
    `<?xml version="1.0"?>${options.opfHead ?? ''}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${options.title ?? 'Test'}</dc:title><dc:language>en</dc:language><dc:identifier id="id">urn:uuid:0f0e2f0a-3c1d-4e8b-9a6f-2d7c1e4b8a90</dc:identifier></metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="pic" href="pic.png" media-type="image/png"/></manifest><spine><itemref idref="c1"/></spine></package>`,
  )
  zip.file('OEBPS/c1.xhtml', options.chapter)
  for (const [name, data] of Object.entries(options.extra ?? {})) zip.file(name, data)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('import: untrusted packages', () => {
  it('expands no entity: a DTD with entities in the OPF is an error at the part', async () => {
    const bytes = await epubWith({ opfHead: '<!DOCTYPE package [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', title: '&b;', chapter: '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html>' })
    const error = (await importBytes('bomb.epub', bytes).catch((caught: unknown) => caught)) as BookError
    expect(error).toBeInstanceOf(BookError)
    expect(String(error.messages[0])).toMatch(/Unexpected malformed XML in `OEBPS\/content\.opf`/)
  })

  it('reads no file outside the package: external entities, `../` and remote images come to nothing', async () => {
    const chapter = `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>One</h1><p>Before &secret; after.</p><p><img src="../../../../etc/passwd" alt="x"/><img src="https://example.com/track.png" alt="y"/><img src="pic.png" alt="A picture"/></p><script>alert("x")</script><p onclick="steal()">Click <a href="javascript:steal()">here</a> or <a href="c2.xhtml">there</a>.</p></body></html>`
    const { book, file } = await importBytes('evil.epub', await epubWith({ chapter, extra: { 'OEBPS/pic.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) } }))
    const markdown = book.chapters.flatMap((c) => c.scenes).join('\n')
    expect(markdown).not.toMatch(/root:|alert|steal|onclick|javascript|example\.com|passwd/)
    expect(markdown).toContain('![A picture](images/pic.png)')
    expect(markdown).toContain('Click here or there.')
    expect(book.images.map((image) => image.name)).toEqual(['pic.png'])
    expect(file.messages.filter((message) => message.ruleId === 'import-image')).toHaveLength(2)
  })

  it('stops inflating at the size limit and refuses too many entries', async () => {
    const zip = new JSZip()
    zip.file('big.xml', new Uint8Array(4 * 1024 * 1024))
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    expect(bytes.length).toBeLessThan(64 * 1024)
    const pkg = await openPackage(new VFile({ path: 'bomb.docx', value: bytes }), 'DOCX', { entries: 10, totalBytes: 1024 * 1024 })
    await expect(pkg.bytes('big.xml')).rejects.toThrow(/Unexpected size past 1 MiB inflated in DOCX entry `big.xml`/)
    const many = new JSZip()
    for (let n = 0; n < 11; n++) many.file(`f${n}.txt`, 'x')
    const manyBytes = await many.generateAsync({ type: 'uint8array' })
    await expect(openPackage(new VFile({ path: 'many.epub', value: manyBytes }), 'EPUB', { entries: 10, totalBytes: 1024 })).rejects.toThrow(/with 11 entries, expected at most 10/)
  })
})
