import fc from 'fast-check'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { createNormaliser, normaliseFile } from '../src/normalise/index.ts'
import { protectDialogue } from '../src/normalise/parse/dialogue-lines.ts'
import { parseMarkdown } from '../src/normalise/parse/index.ts'
import { findTooDeepNode, MAX_TREE_DEPTH } from '../src/normalise/parse/nesting.ts'
import { colophon } from './helpers/cli.ts'
import { smallManuscript } from './helpers/manuscript.ts'
import { parseReport, STACK_TRACE } from './helpers/report.ts'

/**
 * Emphasis nested far deeper than the call stack goes: the parser's walks
 * keep their place on a stack of their own, so any depth gives a tree, and
 * the build a positioned message (the tree-depth limit), never a
 * RangeError. Node 24 has room for fewer frames than Node 20: 5,000 levels
 * overflowed it when `build` recursed per level. CI runs this on both.
 */
const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** Markers, one per level, each opening before a word and closing after one (mirrored). */
const marker = fc.constantFrom('*', '_', '**', '__', '***')
function nested(markers: readonly string[], word: string): string {
  const open: string[] = []
  const close: string[] = []
  for (const [level, mark] of markers.entries()) {
    open.push(`${mark}${word} `)
    close.push(` ${word}${markers[markers.length - 1 - level]}`)
  }
  return `${open.join('')}${word}${close.join('')}`
}

/** Where the deep emphasis stands: a paragraph, a simple footnote definition, a French line of dialogue. */
const places = [
  { name: 'a paragraph', language: 'en', text: (deep: string) => `Before.\n\n${deep}\n`, line: 3 },
  { name: 'a footnote definition', language: 'en', text: (deep: string) => `Text with a note.[^1]\n\n[^1]: ${deep}\n`, line: 3 },
  { name: 'a line of dialogue', language: 'fr', text: (deep: string) => `- ${deep}\n`, line: 1 },
] as const

describe('emphasis nested 100,000 levels deep', () => {
  it.each(places)('in $name: parsed to a tree, and refused with a positioned message', ({ language, text, line }) => {
    fc.assert(
      fc.property(fc.array(marker, { minLength: 50_000, maxLength: 100_000 }), fc.constantFrom('a', 'mot', 'é'), (markers, word) => {
        const markdown = text(nested(markers, word))
        // A French book's dialogue dash is set aside first, as the normaliser does: else the line is a list item, for micromark.
        const tree = parseMarkdown(language === 'fr' ? (protectDialogue(markdown) as string) : markdown, { footnotes: true })
        expect(findTooDeepNode(tree)?.depth).toBeGreaterThan(MAX_TREE_DEPTH)
        const file = new VFile({ path: 'deep.md', value: markdown })
        const normalised = normaliseFile(file, createNormaliser({ language }))
        expect(normalised.tree.children).toEqual([])
        expect(file.messages).toHaveLength(1)
        const [message] = file.messages
        expect(message).toMatchObject({ fatal: true, ruleId: 'nesting-depth', line })
        expect(message?.column).toBeGreaterThan(1)
        // Refused before micromark reads it (emphasis-depth.ts): the count of `*` and `_` left open.
        expect(message?.reason).toMatch(/^Unexpected emphasis nested \d+ deep/)
      }),
      // Each run parses a megabyte twice; a failure is reported as found, not shrunk (each try takes a second).
      { numRuns: 2, endOnFailure: true },
    )
  })

  it('in one run of asterisks on each side: strong inside strong, resolved in a loop', () => {
    const markdown = `${'*'.repeat(100_000)}a${'*'.repeat(100_000)}`
    expect(findTooDeepNode(parseMarkdown(markdown))?.depth).toBeGreaterThan(MAX_TREE_DEPTH)
  })

  it('gives mdast-util-from-markdown’s tree, positions included, a thousand levels deep', () => {
    const options = { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }
    fc.assert(
      fc.property(fc.array(marker, { minLength: 900, maxLength: 1000 }), (markers) => {
        const markdown = `${nested(markers, 'a')}\n\nAfter.\n`
        expect(strip(parseMarkdown(markdown, options))).toEqual(strip(fromMarkdown(markdown, options)))
      }),
      // micromark takes half a second a text at this depth.
      { numRuns: 3, endOnFailure: true },
    )
  })

  it('the CLI refuses a scene holding it with a positioned error, exit 1 and no stack trace', async () => {
    const deep = nested(Array.from({ length: 100_000 }, (_, level) => (level % 2 ? '*' : '_')), 'a')
    const folder = await smallManuscript({ 'chapters/01-one/01-scene.md': `Before.\n\n${deep}\n` })
    const run = await colophon(['build', folder, '--out', `${folder}/../book.epub`])
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).not.toContain('RangeError')
    expect(parseReport(run.stderr)).toMatchObject([
      { file: expect.stringMatching(/chapters\/01-one\/01-scene\.md$/), line: 3, severity: 'error', column: 691, reason: expect.stringMatching(/^Unexpected emphasis nested 100000 deep .*expected at most 230/) },
    ])
  })
})
