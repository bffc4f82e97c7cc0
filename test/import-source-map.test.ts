import fc from 'fast-check'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { hastToMarkdown, hastToTracedMarkdown } from '../src/import/html-to-markdown.ts'
import { readMarkdown } from '../src/import/readers/markdown.ts'
import { readText } from '../src/import/readers/text.ts'
import { manuscriptFiles } from '../src/import/manuscript.ts'
import { concatTraced, joinTraced, sourcePoint, toSource, unitOrigins, type FileOrigin } from '../src/import/source-map.ts'

/** The character at a 1-based place of a text. */
const charAt = (text: string, place: { line: number; column: number }): string | undefined => text.split('\n')[place.line - 1]?.[place.column - 1]

const word = fc.stringMatching(/^[a-z]{1,8}$/)
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '))
/** A source of paragraphs (one to three lines each) between one or more blank lines. */
const source = fc.array(fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 6 })

describe('source map', () => {
  it('maps every character of paragraphs joined as a scene back to the same character of the source', () => {
    fc.assert(
      fc.property(source, (paragraphs) => {
        let text = ''
        const units: Array<{ text: string; line: number }> = []
        for (const [lines, blanks] of paragraphs) {
          units.push({ text: lines.join('\n'), line: text.split('\n').length })
          text += `${lines.join('\n')}${'\n'.repeat(blanks + 1)}`
        }
        const scene = concatTraced([joinTraced(units.map((unit) => ({ text: unit.text, lines: unitOrigins(unit.text, unit.line, 1) })), '\n\n'), { text: '\n' }])
        expect(scene.text).toBe(`${units.map((unit) => unit.text).join('\n\n')}\n`)
        expect(scene.lines).toHaveLength(scene.text.split('\n').length)
        scene.text.split('\n').forEach((written, index) => {
          for (let column = 1; column <= written.length; column++) {
            const from = sourcePoint(scene.lines, { line: index + 1, column })
            expect(from && charAt(text, from)).toBe(written[column - 1])
          }
        })
      }),
    )
  })

  it('maps a line joined from several source lines stretch by stretch', () => {
    const joined = concatTraced([
      { text: 'The ferry came', lines: [[{ at: 0, line: 8, column: 1 }]] },
      { text: ' ' },
      { text: 'in at dusk', lines: [[{ at: 0, line: 9, column: 3 }]] },
    ])
    expect(joined.text).toBe('The ferry came in at dusk')
    expect(sourcePoint(joined.lines, { line: 1, column: 5 })).toEqual({ line: 8, column: 5 })
    expect(sourcePoint(joined.lines, { line: 1, column: 19 })).toEqual({ line: 9, column: 6 })
  })

  it('gives each written scene of a Markdown story the lines its paragraphs came from, past front matter and headings', async () => {
    const story = '---\ntitle: T\nauthor: A\nlang: en\n---\n\n# One\n\nFirst line\nsecond line.\n\n> Quoted.\n\n* * *\n\nNext scene.\n\n# Two\n\nLast words here.\n'
    const file = new VFile({ path: 'story.md', value: new TextEncoder().encode(story) })
    const files = manuscriptFiles(await readMarkdown(file), file)
    for (const written of files.filter((entry) => entry.path.endsWith('.md'))) {
      const lines = written.origin?.lines
      expect(lines, written.path).toBeDefined()
      String(written.data).split('\n').forEach((text, index) => {
        if (text === '') return
        const from = sourcePoint(lines!, { line: index + 1, column: 1 })
        expect(story.split('\n')[from!.line - 1]!.slice(from!.column - 1, from!.column - 1 + text.length)).toBe(text)
      })
    }
  })

  it('gives a hard-wrapped plain-text paragraph the source line of each stretch', async () => {
    const story = 'CHAPTER I\n\nThe ferry came in at dusk and the keeper was waiting on the\nquay with a lantern in one hand and nothing at all in the\nother hand, as she always did when the boat was late again.\n\nCHAPTER II\n\nThe storm broke on the third night and the shutters held on\nuntil the dawn came up grey over the water and the rocks.\n'
    const file = new VFile({ path: 'story.txt', value: new TextEncoder().encode(story) })
    const files = manuscriptFiles(await readText(file), file)
    const scene = files.find((entry) => entry.path.startsWith('chapters/01-') && entry.path.endsWith('.md'))!
    const written = String(scene.data).split('\n')[0]!
    for (const needle of ['quay', 'other', 'ferry']) {
      const from = sourcePoint(scene.origin!.lines!, { line: 1, column: written.indexOf(needle) + 1 })
      expect(charAt(story, from!)).toBe(needle[0])
      expect(story.split('\n')[from!.line - 1]).toContain(needle)
    }
  })

  it('gives Markdown written from HTML the line and column of the element each block came from, and the same text as before', () => {
    const html = '<h2>One</h2>\n<p>First\nparagraph.</p>\n  <blockquote><p>Quoted.</p>\n<p>Second quoted.</p></blockquote>\n<ul><li>item</li>\n<li><p>other item</p></li></ul>\n<p>Last <em>words</em>.</p>\n'
    const tree = fromHtml(html, { fragment: true })
    const traced = hastToTracedMarkdown(tree)
    expect(traced.text).toBe(hastToMarkdown(tree))
    const at = (needle: string): { line: number; column: number } | undefined => {
      const index = traced.text.split('\n').findIndex((line) => line.includes(needle))
      return sourcePoint(traced.lines!, { line: index + 1, column: 3 })
    }
    const lineOf = (needle: string): number => html.slice(0, html.indexOf(needle)).split('\n').length
    expect(at('First')).toEqual({ line: 2, column: 1 })
    expect(at('Second quoted')).toEqual({ line: lineOf('<p>Second'), column: 1 })
    expect(at('Quoted.')?.line).toBe(lineOf('<blockquote>'))
    expect(at('other item')?.line).toBe(lineOf('<li><p>other'))
    expect(at('Last')).toEqual({ line: lineOf('<p>Last'), column: 1 })
  })

  it('names the story file, or the part and paragraph where there are no lines, never the private folder', () => {
    const files = new Map<string, FileOrigin>([
      ['chapters/01-one/01-hello.md', { label: 'chapter 1 "One"', lines: [[{ at: 0, line: 12, column: 1 }]] }],
      ['chapters/02-two/01-more.md', { label: 'chapter 2 "Two"', paragraphs: [1, 1, 2] }],
      ['images/map.png', { label: 'image map.png', file: 'art/map.png' }],
    ])
    const map = { folder: 'story.md', source: 'story.md', files }
    const at = (path: string, place?: { line: number; column: number }): VFileMessage => {
      const message = new VFileMessage('Unexpected thing, expected another', { place })
      message.file = path
      return message
    }
    expect(toSource(at('story.md/chapters/01-one/01-hello.md', { line: 1, column: 4 }), map)).toMatchObject({ file: 'story.md', line: 12, column: 4 })
    expect(toSource(at('story.md/chapters/02-two/01-more.md', { line: 3, column: 2 }), map)).toMatchObject({ file: 'story.md (chapter 2 "Two", paragraph 2)', line: undefined })
    expect(toSource(at('story.md/images/map.png'), map)).toMatchObject({ file: 'art/map.png' })
    expect(toSource(at('story.md'), map)).toMatchObject({ file: 'story.md' })
    expect(toSource(at('templates/book.css', { line: 2, column: 1 }), map)).toMatchObject({ file: 'templates/book.css', line: 2 })
  })
})
