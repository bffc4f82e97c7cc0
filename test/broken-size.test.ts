import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { wellFormedError } from '../src/verify/index.ts'
import { entryText, epubcheckTs, openEpub, words } from './helpers/epub.ts'

/**
 * Big inputs build: a single 1 MB paragraph, and a book of 2,000 scene files
 * (bench/stress.ts goes on to a 50 MB scene and 10,000 files, with peak RSS),
 * whole and valid; and 30,000 footnotes, in time about linear in their
 * number. Stress-sized, so in the slow project.
 */
const VOCABULARY = ['mill', 'river', 'said', '"wait', 'no"', '--', 'lantern', '*quiet*', 'north', 'bread', "it's", 'stone', 'Ça', '...']

function text(count: number, seed: number): string {
  let state = seed
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return VOCABULARY[(state >>> 16) % VOCABULARY.length] ?? 'word'
  }).join(' ')
}

async function manuscript(chapters: string[][]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-size-'))
  await writeFile(join(folder, 'book.yaml'), 'title: Big\nauthor: Ann Author\nlanguage: en\n')
  for (const [c, scenes] of chapters.entries()) {
    const dir = join(folder, 'chapters', `${String(c + 1).padStart(3, '0')}-part`)
    await mkdir(dir, { recursive: true })
    for (const [s, scene] of scenes.entries()) await writeFile(join(dir, `${String(s + 1).padStart(4, '0')}-scene.md`), scene)
  }
  return folder
}

async function expectValid(epub: Uint8Array): Promise<string> {
  const zip = await openEpub(epub)
  const texts: string[] = []
  for (const name of Object.keys(zip.files).filter((entry) => entry.endsWith('.xhtml'))) {
    const xhtml = await entryText(zip, name)
    expect(wellFormedError(xhtml), name).toBeUndefined()
    texts.push(xhtml)
  }
  const report = await epubcheckTs(epub)
  expect(report.messages).toEqual([])
  return texts.join('\n')
}

describe('big manuscripts', () => {
  it('builds a single 1 MB paragraph whole', async () => {
    const paragraph = `${text(200_000, 7).slice(0, 1024 * 1024)}zzend`
    expect(paragraph.length).toBeGreaterThan(1_000_000)
    const result = await build(await manuscript([[`${paragraph}\n`]]), { env: {} })
    await expectValid(result.epub)
    // The chapter holds the paragraph whole: one <p>, ending with its last word.
    const chapter = await entryText(await openEpub(result.epub), 'EPUB/text/chapter-1.xhtml')
    expect(chapter).toContain('zzend</p>')
    expect(chapter.match(/<p>/g)?.length).toBe(1)
  })

  it('builds a book of 2,000 scene files, every scene in it', async () => {
    const chapters = Array.from({ length: 20 }, (_, c) => Array.from({ length: 100 }, (_, s) => `Scene${c}x${s} ${text(40, c * 100 + s + 1)}.\n`))
    const result = await build(await manuscript(chapters), { env: {} })
    const xhtml = await expectValid(result.epub)
    const found = new Set(words(xhtml).filter((word) => /^Scene\d+x\d+$/.test(word)))
    expect(found.size).toBe(2000)
  })
})

describe('footnotes', () => {
  const notes = (count: number): string => {
    let text = ''
    for (let note = 1; note <= count; note++) text += `Word${note}[^${note}]${note % 10 === 0 ? '\n\n' : ' '}`
    text += '\n\n'
    for (let note = 1; note <= count; note++) text += `[^${note}]: Note ${note}.\n`
    return text
  }
  const timed = async (count: number): Promise<number> => {
    const folder = await manuscript([[notes(count)]])
    const started = performance.now()
    const { epub } = await build(folder, { env: {}, lint: false })
    const seconds = (performance.now() - started) / 1000
    const zip = await openEpub(epub)
    const chapter = await entryText(zip, 'EPUB/text/chapter-1.xhtml')
    expect(chapter).toContain(`id="chapter-1-note-${count}"`)
    return seconds
  }

  it('build in time about linear in their number (30,000 well under a generous bound)', async () => {
    const small = await timed(3000)
    const large = await timed(30_000)
    // 20,000 took 28 s before (time growing with the square); the speed guard proper is bench/.
    expect(large).toBeLessThan(120)
    // Ten times the notes: a quadratic step would take some 100 times as long.
    expect(large / Math.max(small, 0.05)).toBeLessThan(30)
  }, 300_000)
})
