import fc from 'fast-check'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { isMap, isScalar, parseDocument } from 'yaml'
import { isBlank, parseChapterMeta } from '../src/load/chapter-meta.ts'
import { hasForbiddenXmlChars } from '../src/load/xml-chars.ts'
import { runs } from './helpers/runs.ts'

/** The chapter title the yaml library reads in `text`, when it is a usable one. */
function titleByYaml(text: string): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true })
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined
  const title = doc.contents.get('title', true)
  if (!isScalar(title) || typeof title.value !== 'string') return undefined
  return isBlank(title.value) || hasForbiddenXmlChars(title.value) ? undefined : title.value
}

const characters = ['a', 'Z', ' ', '  ', '1', ':', ': ', '#', ' #', "'", "''", '"', '\\', '\\n', '\\"', '\t', '\n', 'é', '’', '😀', '\u0085', '\u2028', '\uFEFF', '\u0001', '\u007F', '\uFFFE', '\u00A0', '\u200B', '-', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`']
const body = fc.array(fc.constantFrom(...characters), { maxLength: 12 }).map((parts) => parts.join(''))
const after = fc.constantFrom('', '\n', '  \n', '\n\n', '\n  \n', ' # note', '\nsubtitle: x', '\n  more', '\t')
const chapterYaml = fc.oneof(
  // Anything near the usual shape,
  fc
    .tuple(fc.constantFrom('title: ', 'title:  ', 'title:', ' title: ', 'Title: '), fc.constantFrom('"', "'", ''), body, fc.constantFrom('"', "'", ''), after)
    .map((parts) => parts.join('')),
  // and the usual shape itself, with anything in the quotes.
  fc.tuple(fc.constantFrom('"', "'"), body, after).map(([quote, text, rest]) => `title: ${quote}${text}${quote}${rest}`),
)

describe('chapter.yaml', () => {
  it('reads the title the yaml library reads, and fails where it finds no usable title', () => {
    fc.assert(
      fc.property(chapterYaml, (text) => {
        const file = new VFile({ path: 'chapter.yaml', value: text })
        const title = parseChapterMeta(file)
        expect(title).toBe(titleByYaml(text))
        expect(file.messages.some((message) => message.fatal)).toBe(title === undefined)
      }),
      { numRuns: runs(20_000) },
    )
  })

  it.each([
    ['double quotes', 'title: "Chapter 1: June\'s Owl"\n', "Chapter 1: June's Owl"],
    ['single quotes', "title: 'Prologue: \"Sequence\"'\n", 'Prologue: "Sequence"'],
    ['an escape', 'title: "Tab\\there"\n', 'Tab\there'],
    ['a comment after it', 'title: "Dawn" # the first\n', 'Dawn'],
    ['a doubled single quote', "title: 'It''s late'\n", "It's late"],
  ])('reads a title in %s', (_name, text, title) => {
    expect(parseChapterMeta(new VFile({ path: 'chapter.yaml', value: text }))).toBe(title)
  })

  it('points at a blank title', () => {
    const file = new VFile({ path: 'chapter.yaml', value: 'title: "   "\n' })
    expect(parseChapterMeta(file)).toBeUndefined()
    expect(file.messages[0]?.reason).toMatch(/blank `title`/)
    expect(file.messages[0]?.line).toBe(1)
    expect(file.messages[0]?.column).toBe(8)
  })
})
