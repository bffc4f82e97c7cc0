import type { Root } from 'mdast'
import { remarkParseProse } from './parse/plugin.ts'
import { unified, type Processor } from 'unified'
import type { VFile } from 'vfile'
import type { Book, Chapter, MatterPage } from '../load/types.ts'
import type { XhtmlParts } from '../render/to-xhtml.ts'
import { remarkFootnotes } from './remark-footnotes.ts'
import { remarkSceneBreaks } from './remark-scene-breaks.ts'
import { remarkTypography } from './typography/index.ts'
import { resolveOptions } from './typography/options.ts'

export { stripInvisibles } from './typography/index.ts'

export interface NormaliseOptions {
  /** `feff` swaps U+2060 word joiners for U+FEFF, for readers that lack U+2060. */
  wordJoiner?: 'u2060' | 'feff'
  /** The book's language (BCP 47): it picks the typography rules. English when absent. */
  language?: string
  /** Whether a paragraph opened by `- ` is dialogue rather than a list item; absent: the language's default. */
  dialogueDashes?: boolean
  /** `regular`: U+00A0 instead of the narrow no-break space U+202F, for reading systems whose fonts lack it. */
  nbsp?: 'narrow' | 'regular'
  /** `guillemets`: » « in a German book (book.yaml `quotes`). */
  quotes?: 'default' | 'guillemets'
}

/** A scene, page or note: its source file and its normalised tree. */
export interface Text {
  file: VFile
  tree: Root
  /** The text's XHTML when it was rendered as it was typeset (it stands alone: no footnotes, no images); its tree is empty then. */
  rendered?: XhtmlParts
  /** Its word count, when counted as it was typeset. */
  words?: number
}

export interface NormalisedChapter extends Omit<Chapter, 'headNote' | 'scenes' | 'endNote'> {
  headNote?: Text
  scenes: Text[]
  endNote?: Text
}

export interface NormalisedPage extends Omit<MatterPage, 'file'> {
  text: Text
}

export interface NormalisedBook extends Omit<Book, 'front' | 'chapters' | 'back'> {
  front: NormalisedPage[]
  chapters: NormalisedChapter[]
  back: NormalisedPage[]
}

type Normaliser = Processor<Root, Root, Root, undefined, undefined>

/**
 * The one unified processor. Order matters: scene breaks are found before
 * typography runs, because typography would turn a `. o .` line's dots into
 * something no longer recognisable as a marker. Typography is our own pass
 * (see docs/decisions/0002-own-typography-pass.md); it checks its options
 * when attached, so a bad `wordJoiner` fails before any text is read.
 */
export function createNormaliser(options: NormaliseOptions = {}, onSource?: (tree: Root, file: VFile) => void): Normaliser {
  const typography = resolveOptions({ wordJoiner: options.wordJoiner ?? 'u2060', language: options.language ?? 'en', dialogueDashes: options.dialogueDashes, nbsp: options.nbsp ?? 'narrow', quotes: options.quotes ?? 'default' })
  const processor = unified().use(remarkParseProse, { dialogueDashes: typography.dialogueDashes }).use(remarkFootnotes).use(remarkSceneBreaks)
  // The lint reads the tree as written (scene breaks found, text untouched), rather than parse twice.
  if (onSource) processor.use(() => onSource)
  processor.use(remarkTypography, { wordJoiner: typography.wordJoiner, language: typography.language, dialogueDashes: typography.dialogueDashes, nbsp: typography.nbsp, quotes: options.quotes ?? 'default' })
  return processor as unknown as Normaliser
}

/** Parse and normalise one Markdown file. */
export function normaliseFile(file: VFile, processor: Normaliser): Text {
  const tree = processor.runSync(processor.parse(file), file)
  return { file, tree }
}

/** Typography for a one-line string such as a title (no Markdown blocks). */
export function typesetInline(text: string, processor: Normaliser): string {
  const tree = processor.runSync(processor.parse(text))
  const first = tree.children[0]
  return first && 'children' in first ? first.children.map(plain).join('') : text
}

function plain(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map((child) => plain(child as { value?: unknown; children?: unknown[] })).join('')
}
