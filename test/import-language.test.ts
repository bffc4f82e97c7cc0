import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../src/import/language.ts'
import { colophon } from './helpers/cli.ts'
import { epubcheckTs } from './helpers/epub.ts'
import { runs } from './helpers/runs.ts'

/** A line or two of a story in each script that names its language (src/import/language.ts, `ownScript`). */
const SHORT = [
  ['zh', '那天晚上，月亮很圆。猫坐在屋顶上，看着远方的城市。'],
  ['ja', 'その夜、月はとても丸かった。猫は屋根の上に座っていた。'],
  ['ko', '그날 밤 달은 아주 둥글었다. 고양이는 지붕 위에 앉아 있었다.'],
  ['th', 'ในคืนนั้นพระจันทร์กลมมาก แมวนั่งอยู่บนหลังคา'],
  ['el', 'Εκείνο το βράδυ το φεγγάρι ήταν πολύ στρογγυλό.'],
] as const

describe('the language of a short story file', () => {
  it('is told by its script where the script names one language', () => {
    for (const [tag, text] of SHORT) expect(detectLanguage(text), text).toBe(tag)
  })

  it('is not guessed from a line of Latin, Cyrillic or Arabic letters, whose scripts many languages share', () => {
    for (const text of ['Disclaimer: not mine.', 'The keeper climbed the stairs.', 'В ту ночь луна была очень круглой.', 'تلك الليلة كان القمر مستديرا جدا.', '“Ναι,” she said, the Greek word for yes.']) {
      expect(detectLanguage(text), text).toBeUndefined()
    }
  })

  it('is never guessed from under 120 characters of mostly Latin letters, whatever few other letters they hold', () => {
    const latin = fc.stringMatching(/^[A-Za-z ,.'"-]{0,100}$/)
    const other = fc.stringMatching(/^[\p{Script=Han}\p{Script=Greek}\p{Script=Hangul}]{0,3}$/u)
    fc.assert(
      fc.property(latin, other, latin, (before, few, after) => {
        const text = `${before}${few}${after}`.slice(0, 119)
        const letters = text.match(/\p{L}/gu)?.length ?? 0
        fc.pre(letters > 2 * few.length)
        expect(detectLanguage(text)).toBeUndefined()
      }),
      { numRuns: runs(300) },
    )
  })

  it('gives a short Greek story Greek quotes and its language tag, through `colophon build FILE`', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-language-'))
    await writeFile(join(folder, 'story.md'), '# Το φεγγάρι\n\n## Ένα\n\nΕκείνο το βράδυ το φεγγάρι ήταν πολύ στρογγυλό. "Ναι," είπε.\n')
    const run = await colophon(['build', 'story.md', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/info\s+language detected: el/)
    const bytes = new Uint8Array(await readFile(join(folder, 'book.epub')))
    expect((await epubcheckTs(bytes)).messages).toEqual([])
    const zip = await JSZip.loadAsync(bytes)
    expect(await zip.file('EPUB/content.opf')?.async('string')).toContain('<dc:language>el</dc:language>')
    expect(await zip.file('EPUB/text/chapter-1.xhtml')?.async('string')).toContain('«Ναι,» είπε.')
  })
})
