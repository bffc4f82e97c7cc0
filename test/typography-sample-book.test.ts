import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { ROOT } from './helpers/cli.ts'
import { bodyText, entryText, openEpub, words } from './helpers/epub.ts'

const manuscript = join(ROOT, 'manuscript')
const INVISIBLES = /[\u2060\uFEFF\u200A\u00A0]/

let zip: JSZip
let feff: JSZip

/** Every `<p>` of every content document, as visible text (tags gone, entities decoded). */
async function paragraphs(book: JSZip): Promise<string[]> {
  const names = Object.keys(book.files).filter((name) => /^EPUB\/text\/.*\.xhtml$/.test(name))
  const out: string[] = []
  for (const name of names.sort()) {
    const xhtml = await entryText(book, name)
    for (const match of xhtml.matchAll(/<p>([\s\S]*?)<\/p>/g)) out.push(bodyText(`<body>${match[1] ?? ''}</body>`))
  }
  return out
}

async function sourceMarkdown(): Promise<string[]> {
  const files = [join(manuscript, 'front/01-disclaimer.md')]
  const chapterDir = join(manuscript, 'chapters/01-prologue')
  for (const name of (await readdir(chapterDir)).filter((name) => name.endsWith('.md')).sort()) files.push(join(chapterDir, name))
  return Promise.all(files.map((path) => readFile(path, 'utf8')))
}

beforeAll(async () => {
  zip = await openEpub((await build(manuscript, { env: {} })).epub)
  feff = await openEpub((await build(manuscript, { env: {}, wordJoiner: 'feff' })).epub)
})

describe('typography of the sample book', () => {
  it('leaves no straight quote in any paragraph', async () => {
    const found = (await paragraphs(zip)).filter((text) => /["']/.test(text))
    expect(found).toEqual([])
  })

  it('leaves no spaced or trailing hyphen', async () => {
    const found = (await paragraphs(zip)).filter((text) => /(^|\s)-(\s|$)|\s-\S*$|-\s*$/.test(text.trim()))
    expect(found).toEqual([])
  })

  it('puts a word joiner before every em dash that is not at a paragraph start', async () => {
    const all = await paragraphs(zip)
    let dashes = 0
    for (const text of all) {
      const trimmed = text.trim()
      for (const match of trimmed.matchAll(/—/g)) {
        if (match.index === 0) continue
        dashes++
        expect(trimmed[match.index - 1], trimmed).toBe('\u2060')
      }
    }
    expect(dashes).toBeGreaterThan(20)
  })

  it('loses no word of the source', async () => {
    const source = (await sourceMarkdown()).flatMap((text) => words(text))
    const names = ['EPUB/text/disclaimer.xhtml', 'EPUB/text/chapter-1.xhtml']
    const built: string[] = []
    for (const name of names) built.push(...words(bodyText(await entryText(zip, name))))
    // The chapter heading comes from chapter.yaml, not from a Markdown file.
    const heading = words('Prologue: Sequence')
    const index = built.findIndex((_, at) => heading.every((word, offset) => built[at + offset] === word))
    built.splice(index, heading.length)
    // Disclaimer, then the scenes in file order, the end note last: the same order as the pages.
    expect(built).toEqual(source)
  })

  it('keeps invisible characters out of <title>, nav labels, the NCX and the OPF metadata', async () => {
    const documents = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml'))
    for (const name of documents) {
      const title = /<title>([^<]*)<\/title>/.exec(await entryText(zip, name))?.[1] ?? ''
      expect(title, name).not.toMatch(INVISIBLES)
    }
    const nav = await entryText(zip, 'EPUB/nav.xhtml')
    for (const match of nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) expect(match[1]).not.toMatch(INVISIBLES)
    expect(await entryText(zip, 'EPUB/toc.ncx')).not.toMatch(INVISIBLES)
    const opf = await entryText(zip, 'EPUB/content.opf')
    expect(/<metadata[\s\S]*<\/metadata>/.exec(opf)?.[0]).not.toMatch(INVISIBLES)
  })

  it('swaps every word joiner for U+FEFF with `wordJoiner: feff`', async () => {
    const texts = await paragraphs(feff)
    const joined = texts.join('\n')
    expect(joined).not.toContain('\u2060')
    expect(joined.match(/\uFEFF—/g)?.length).toBeGreaterThan(20)
  })
})
