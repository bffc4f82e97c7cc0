import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATIN_DRAWN, undrawable, undrawableIn } from '../src/cover/coverage.ts'
import { coverFonts } from '../src/cover/fonts.ts'
import { layoutCover } from '../src/cover/layout.ts'
import { BookError, build } from '../src/index.ts'

/** How many letters a line of the laid-out cover draws (one path each). */
const drawnLetters = (svg: string): number => svg.match(/<path /g)?.length ?? 0

describe('the drawn cover in other scripts', () => {
  it('draws a Cyrillic, Greek or mixed title whole', () => {
    for (const title of ['Война и мир', 'Ὀδύσσεια', 'Сад of Eden', 'Tiếng Việt']) {
      const layout = layoutCover({ title, authors: 'Лев Толстой' }, coverFonts())
      const letters = [...title].filter((character) => character.trim() !== '').length
      expect(undrawable({ title, authors: 'Лев Толстой' }), title).toEqual([])
      // The title is the first lines of a cover without a series.
      const drawn = layout.lines.slice(0, -1).reduce((sum, line) => sum + drawnLetters(line.svg), 0)
      expect(drawn, title).toBe(letters)
    }
  })

  it('reads the font\'s ranges only for what its Latin subsets may lack, and they do draw the rest', () => {
    // Every character the quick test lets by, tried one by one past it: the ranges the fonts' CSS gives cover each.
    const latin = [0x0000, 0x02ba, 0x2000, 0x206f].map((code) => String.fromCodePoint(code))
    expect(latin.every((character) => LATIN_DRAWN.test(character))).toBe(true)
    for (const [low, high] of [[0x21, 0x2ba], [0x2000, 0x206f]] as const) {
      const all = Array.from({ length: high - low + 1 }, (_, index) => String.fromCodePoint(low + index)).join('')
      expect(undrawableIn(`${all}\u0400`)).toEqual([])
    }
    expect(LATIN_DRAWN.test('The Keeper’s Daughter — Part 2')).toBe(true)
    expect(LATIN_DRAWN.test('Сад')).toBe(false)
    expect(undrawable({ title: 'Garden 庭', authors: 'A' })).toEqual(['庭'])
  })

  it('names the letters its font lacks', () => {
    expect(undrawable({ title: '庭の花', authors: 'A' })).toEqual(['庭', 'の', '花'])
    expect(undrawable({ title: 'שלום', authors: 'A' })).toHaveLength(4)
  })

  describe('a book whose title it cannot draw', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'colophon-cover-scripts-'))
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it('is refused with a message asking for cover.png, not drawn without its letters', async () => {
      await mkdir(join(dir, 'chapters', '01-one'), { recursive: true })
      await writeFile(join(dir, 'book.yaml'), 'title: 庭\nauthor: 山田\nlanguage: ja\n')
      await writeFile(join(dir, 'chapters', '01-one', '01.md'), '庭。\n')
      const error = await build(dir, { env: {} }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BookError)
      const message = (error as BookError).messages[0]!
      expect(String(message.reason)).toMatch(/Unexpected `庭` \(U\+5EAD\), `山` \(U\+5C71\), `田` \(U\+7530\) on the drawn cover.*expected a cover\.png or cover\.jpg/)
      // At the title in book.yaml.
      expect([message.line, message.column]).toEqual([1, 8])
    })

    it('leaves an emoji it cannot draw out of the cover with a warning, and builds', async () => {
      const root = join(dir, 'emoji')
      await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
      await writeFile(join(root, 'book.yaml'), 'title: Sunny Days ☀️😀\nauthor: A\nlanguage: en\n')
      await writeFile(join(root, 'chapters', '01-one', '01.md'), 'Text.\n')
      const result = await build(root, { env: {}, lint: false })
      const warning = result.messages.find((message) => message.ruleId === 'cover-symbol')
      expect(String(warning?.reason)).toMatch(/Unexpected `☀` \(U\+2600\), .*`😀` \(U\+1F600\).* left out of the cover/)
      expect(warning?.line).toBe(1)
    })
  })
})
