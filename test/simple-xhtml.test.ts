import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import type { BlockContent, Code, FootnoteDefinition, Heading, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { createNormaliser, normaliseFile } from '../src/normalise/index.ts'
import { labelsFor } from '../src/render/labels.ts'
import { simpleXhtmlParts } from '../src/render/simple-xhtml.ts'
import { toXhtmlParts, type XhtmlOptions } from '../src/render/to-xhtml.ts'
import { runs } from './helpers/runs.ts'

/**
 * `simpleXhtmlParts` writes what `toXhtmlParts` writes, byte for byte, for
 * every tree it accepts, and refuses a tree only where the full path does
 * something it does not reproduce. Runs: COLOPHON_PROPERTY_RUNS (default 3000).
 */
const RUNS = Number(process.env.COLOPHON_PROPERTY_RUNS ?? runs(3000))
const root = new URL('..', import.meta.url).pathname

const pieces = [
  'the', 'mill', ' ', '  ', '\t', ' \t ', '\n', '\r\n', '\r', ' \n ', '\t\r\n\t', '\n\n',
  '<', '&', '>', '"', "'", ']]>', ']]', ']', '>>', '<em>', '&amp;', '&#x26;', '<![CDATA[x]]>', '-->',
  '\u2060', '\uFEFF', '\u00A0', '\u200B', '\u200D', '\u2009', '\u202F', '…', '—', '“', '’',
  '😀', '👩‍👩‍👧', '🇫🇷', 'e\u0301', 'a\u0308\u0323', 'שלום', 'مرحبا', '\u200F', '\u202E', '\u2067', '日本語', '𝔘𝔫𝔦',
]
/** Text a writer may bring (nothing XML forbids: the load stage removes that). */
const cleanText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((list) => list.join('')),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
)
/** Any UTF-16: lone surrogates, C0 controls, U+FFFE… */
const anyText = fc.oneof(cleanText, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 4 }))

/** Footnote labels, some the same but for case (`a` and `A` are one note), one XML forbids. */
const noteLabels = fc.constantFrom('a', 'A', 'b', '1', 'ß', 'note & <x>', 'bad\u0001')

function trees(text: fc.Arbitrary<string>, notes = false): fc.Arbitrary<Root> {
  const reference = noteLabels.map((identifier): PhrasingContent => ({ type: 'footnoteReference', identifier, label: identifier }))
  const { blockList } = fc.letrec<{ phrase: PhrasingContent; phrases: PhrasingContent[]; block: BlockContent; blockList: BlockContent[]; item: ListItem }>((tie) => ({
    phrase: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((value): PhrasingContent => ({ type: 'text', value })),
      fc.constant<PhrasingContent>({ type: 'break' }),
      text.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
      tie('phrases').map((children): PhrasingContent => ({ type: 'emphasis', children })),
      tie('phrases').map((children): PhrasingContent => ({ type: 'strong', children })),
      ...(notes ? [reference, reference] : []),
    ),
    phrases: fc.array(tie('phrase'), { maxLength: 5 }) as fc.Arbitrary<PhrasingContent[]>,
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('phrases').map((children): BlockContent => ({ type: 'paragraph', children })),
      fc.constant<BlockContent>({ type: 'thematicBreak' }),
      fc.record({ depth: fc.integer({ min: 1, max: 6 }), children: tie('phrases') }).map(({ depth, children }): BlockContent => ({ type: 'heading', depth: depth as Heading['depth'], children })),
      fc.record({ lang: fc.option(fc.oneof(fc.constant('js'), fc.constant(' js x'), text)), meta: fc.option(text), value: text }).map((node): BlockContent => ({ type: 'code', ...node }) as Code),
      tie('blockList').map((children): BlockContent => ({ type: 'blockquote', children })),
      fc
        .record({ ordered: fc.boolean(), start: fc.option(fc.integer({ min: -3, max: 1000 }), { nil: undefined }), spread: fc.option(fc.boolean()), children: fc.array(tie('item'), { maxLength: 4 }) })
        .map((node): BlockContent => ({ type: 'list', ...node, start: node.ordered ? node.start : null }) as List),
    ),
    blockList: fc.array(tie('block'), { maxLength: 4 }) as fc.Arbitrary<BlockContent[]>,
    item: fc
      .record({ spread: fc.option(fc.boolean(), { nil: undefined }), checked: fc.constantFrom(null, undefined), children: tie('blockList') })
      .map((node) => ({ type: 'listItem', ...node }) as ListItem),
  }))
  if (!notes) return blockList.map((children) => ({ type: 'root', children }))
  const definition = fc.record({ identifier: noteLabels, children: blockList }).map((node): FootnoteDefinition => ({ type: 'footnoteDefinition', label: node.identifier, ...node }))
  return fc
    .tuple(blockList, fc.array(fc.tuple(definition, fc.nat()), { maxLength: 5 }))
    .map(([children, definitions]) => {
      const all: RootContent[] = [...children]
      for (const [node, at] of definitions) all.splice(at % (all.length + 1), 0, node)
      return { type: 'root', children: all }
    })
}

const labels = fc.constantFrom(labelsFor('en').sceneBreak, labelsFor('fr').sceneBreak, 'Scene "break" & <more> ]]> \u2060…')

function options(sceneBreakLabel: string): XhtmlOptions {
  return { sceneBreakLabel, file: new VFile(), images: new Map(), notes: { prefix: 'chapter-1-', next: 3 } }
}

describe('simpleXhtmlParts', () => {
  it(`writes what toXhtmlParts writes, for any tree of the node types it knows (${RUNS} trees)`, () => {
    fc.assert(
      fc.property(trees(cleanText), labels, (tree, label) => {
        const fast = simpleXhtmlParts(tree, options(label))
        const full = options(label)
        expect(fast).toEqual(toXhtmlParts(tree, full))
        expect(full.file?.messages).toEqual([])
        expect(full.notes?.next).toBe(3)
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it(`writes footnotes as toXhtmlParts does: numbers, repeated references, notes in notes, labels (${RUNS} trees)`, () => {
    let accepted = 0
    fc.assert(
      fc.property(trees(cleanText, true), fc.constantFrom({ backlink: 'Back to text', note: 'Note' }, { backlink: 'Retour "au" texte & <plus>', note: 'Note ]]>' }), (tree, noteLabels) => {
        const fastOptions = { ...options('Scene break'), noteLabels }
        const fast = simpleXhtmlParts(tree, fastOptions)
        const full = { ...options('Scene break'), noteLabels }
        const expected = toXhtmlParts(tree, full)
        if (fast === undefined) {
          expect(fastOptions.notes?.next, 'a refused text numbers nothing').toBe(3)
          return
        }
        accepted++
        expect(fast).toEqual(expected)
        expect(fastOptions.notes?.next).toBe(full.notes?.next)
        expect(full.file?.messages).toEqual([])
      }),
      { numRuns: RUNS },
    )
    expect(accepted).toBeGreaterThan(RUNS / 4)
  }, 600_000)

  it('leaves footnotes to the full path when the caller does not number them, or a definition is nested', () => {
    const note: FootnoteDefinition = { type: 'footnoteDefinition', identifier: 'n', label: 'n', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'A note.' }] }] }
    const text: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Text' }, { type: 'footnoteReference', identifier: 'n', label: 'n' }] }, note] }
    expect(simpleXhtmlParts(text, { sceneBreakLabel: 'x' })).toBeUndefined()
    expect(simpleXhtmlParts(text, options('x'))?.notes).toContain('<span class="note-number">3. </span>A note. <a href="#chapter-1-noteref-3"')
    const nested: Root = { type: 'root', children: [...text.children, { type: 'footnoteDefinition', identifier: 'm', label: 'm', children: [{ type: 'blockquote', children: [note] }] }] }
    expect(simpleXhtmlParts(nested, options('x'))).toBeUndefined()
  })

  it('refuses a tree only where the full path warns (any UTF-16, lone surrogates and controls)', () => {
    let refused = 0
    fc.assert(
      fc.property(trees(anyText), labels, (tree, label) => {
        const fast = simpleXhtmlParts(tree, options(label))
        const full = options(label)
        const expected = toXhtmlParts(tree, full)
        if (fast === undefined) {
          refused++
          expect(full.file?.messages.length).toBeGreaterThan(0)
        } else {
          expect(fast).toEqual(expected)
          expect(full.file?.messages).toEqual([])
        }
      }),
      { numRuns: RUNS },
    )
    expect(refused).toBeGreaterThan(0)
  }, 600_000)

  it('refuses a scene break whose label XML forbids, and nothing else for it', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }] }
    const withBreak: Root = { type: 'root', children: [{ type: 'thematicBreak' }] }
    expect(simpleXhtmlParts(tree, options('bad \u0001'))).toEqual(toXhtmlParts(tree, options('bad \u0001')))
    expect(simpleXhtmlParts(withBreak, options('bad \u0001'))).toBeUndefined()
  })

  const unsupported: Array<[string, PhrasingContent | RootContent, 'phrase' | 'block']> = [
    ['html', { type: 'html', value: '<em>x</em>' }, 'block'],
    ['inline html', { type: 'html', value: '<br>' }, 'phrase'],
    ['link', { type: 'link', url: 'https://example.com', children: [{ type: 'text', value: 'x' }] }, 'phrase'],
    ['image', { type: 'image', url: 'map.png', alt: 'map' }, 'phrase'],
    ['imageReference', { type: 'imageReference', identifier: 'm', label: 'm', referenceType: 'full', alt: 'map' }, 'phrase'],
    ['linkReference', { type: 'linkReference', identifier: 'm', label: 'm', referenceType: 'full', children: [] }, 'phrase'],
    ['footnoteReference', { type: 'footnoteReference', identifier: '1', label: '1' }, 'phrase'],
    ['delete', { type: 'delete', children: [{ type: 'text', value: 'x' }] }, 'phrase'],
    ['definition', { type: 'definition', identifier: 'm', label: 'm', url: 'https://example.com' }, 'block'],
    ['table', { type: 'table', children: [] }, 'block'],
    ['yaml', { type: 'yaml', value: 'a: 1' }, 'block'],
    ['an unknown node', { type: 'mystery', value: 'x' } as unknown as RootContent, 'block'],
    ['an unknown phrase', { type: 'mystery', children: [] } as unknown as PhrasingContent, 'phrase'],
    ['text at block level', { type: 'text', value: 'x' }, 'block'],
    ['a break at block level', { type: 'break' }, 'block'],
    ['a paragraph in a phrase', { type: 'paragraph', children: [] }, 'phrase'],
    ['a heading of depth 7', { type: 'heading', depth: 7, children: [] } as unknown as RootContent, 'block'],
    ['a task-list item', { type: 'list', children: [{ type: 'listItem', checked: true, children: [] }] }, 'block'],
    ['loose content in a list', { type: 'list', children: [{ type: 'paragraph', children: [] }] } as unknown as RootContent, 'block'],
    ['a bullet list with a start', { type: 'list', ordered: false, start: 3, children: [] }, 'block'],
    ['a list starting at 1.5', { type: 'list', ordered: true, start: 1.5, children: [] }, 'block'],
    ['data.hName', { type: 'emphasis', data: { hName: 'i' }, children: [] }, 'phrase'],
    ['data.hProperties', { type: 'paragraph', data: { hProperties: { id: 'x' } }, children: [] }, 'block'],
    ['data.hChildren', { type: 'text', value: 'x', data: { hChildren: [] } }, 'phrase'],
    ['a forbidden character', { type: 'text', value: 'a\uD800b' }, 'phrase'],
  ]
  it.each(unsupported)('refuses a tree holding %s, anywhere', (_name, node, where) => {
    const places: Root[] =
      where === 'block'
        ? [
            { type: 'root', children: [node as RootContent] },
            { type: 'root', children: [{ type: 'thematicBreak' }, { type: 'blockquote', children: [node as BlockContent] }] },
            { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [] }, node as BlockContent] }] }] },
          ]
        : [
            { type: 'root', children: [{ type: 'paragraph', children: [node as PhrasingContent] }] },
            { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'a' }, { type: 'strong', children: [{ type: 'emphasis', children: [node as PhrasingContent] }] }] }] },
          ]
    for (const tree of places) expect(simpleXhtmlParts(tree, options('Scene break'))).toBeUndefined()
  })
})

describe('simpleXhtmlParts on real texts', () => {
  it('matches toXhtmlParts on the sample book and every Markdown fixture, whole and block by block', async () => {
    const files = [...(await markdownFiles(join(root, 'manuscript'))), ...(await markdownFiles(join(root, 'test/fixtures')))]
    const processor = createNormaliser()
    const tally = { files: files.length, accepted: 0, blocks: 0, acceptedBlocks: 0 }
    for (const path of files) {
      const file = new VFile({ path: relative(root, path), value: await readFile(path, 'utf8') })
      const { tree } = normaliseFile(file, processor)
      const candidates: Root[] = [tree, ...tree.children.map((child): Root => ({ type: 'root', children: [child] }))]
      for (const [index, candidate] of candidates.entries()) {
        const fast = simpleXhtmlParts(candidate, options(labelsFor('en').sceneBreak))
        if (index === 0) tally.accepted += fast ? 1 : 0
        else tally.blocks++, (tally.acceptedBlocks += fast ? 1 : 0)
        if (fast) expect(fast, file.path).toEqual(toXhtmlParts(candidate, options(labelsFor('en').sceneBreak)))
      }
    }
    console.info(`simple-xhtml: ${tally.accepted} of ${tally.files} texts and ${tally.acceptedBlocks} of ${tally.blocks} blocks taken by the fast path, all identical`)
    expect(tally.accepted).toBeGreaterThan(tally.files / 2)
  })
})

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}
