import type { Heading, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import { assemble, type Section } from '../assemble.ts'
import { decodeText } from '../decode.ts'
import { languageOf, languageTag } from '../language.ts'
import { isSceneBreak } from '../scene-break.ts'
import type { ImportedBook, ImportedMetadata } from '../types.ts'
import { FOREIGN_KEYS } from '../../load/foreign-keys.ts'
import { canonicalIdentifier } from '../../load/identifier.ts'
import { titleOfFile } from '../file-title.ts'
import { refuseDeepMarkdown } from '../too-deep.ts'

/**
 * A story kept as one Markdown file, pandoc's way: YAML front matter for
 * the book's details, headings for chapters, thematic breaks for scenes.
 * The Markdown itself is sliced from the source, never re-serialised, so
 * the author's text (and every position) survives as typed.
 */
export async function readMarkdown(file: VFile): Promise<ImportedBook> {
  const text = decodeText(file)
  const { metadata, bodyStart } = frontMatter(text, file)
  // The front matter is blanked, not cut, so the tree's positions are the file's.
  const body = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart)
  // Too deep a text would take micromark minutes, and overflow toString's stack: refused first, with its place.
  refuseDeepMarkdown(body, file)
  const tree = fromMarkdown(body)
  const blocks = tree.children
  const level = chapterLevel(blocks)
  const sections: Section[] = [{ kind: 'front', units: [] }]
  let current = sections[0]!
  for (const node of blocks) {
    const start = node.position!.start
    if (node.type === 'heading' && level !== undefined && node.depth === level) {
      const title = toString(node).trim()
      current = { kind: 'chapter', title, line: start.line, column: start.column, units: [], heading: { subtitle: title.split(/:\s+/)[1] } }
      sections.push(current)
    } else if (node.type === 'heading' && (level === undefined || node.depth < level)) {
      const title = toString(node).trim()
      if (!metadata.title) {
        metadata.title = title
        file.info(`Title \`${title}\` from the heading above the chapters`, { place: node.position, ruleId: 'import-title', source: 'colophon-import' })
      } else if (title.toLowerCase() === String(metadata.title).toLowerCase()) {
        file.info(`Left out: heading \`${title}\`, the book's title`, { place: node.position, ruleId: 'import-removed', source: 'colophon-import' })
      } else {
        // A heading above the chapters that is not the title: kept where it stands, no word lost.
        current.units.push({ kind: 'para', text: body.slice(node.position!.start.offset, node.position!.end.offset), line: start.line, column: start.column })
      }
    } else if (node.type === 'thematicBreak' || (node.type === 'paragraph' && isSceneBreak(toString(node)))) {
      current.units.push({ kind: 'break', text: body.slice(node.position!.start.offset, node.position!.end.offset).trim(), line: start.line, column: start.column })
    } else {
      current.units.push({ kind: 'para', text: body.slice(node.position!.start.offset, node.position!.end.offset), line: start.line, column: start.column })
    }
  }
  const book = assemble(sections, file)
  book.metadata = { ...metadata, ...book.metadata }
  if (!book.metadata.title) {
    book.metadata.title = titleOfFile(file, 'the text', { line: 1, column: 1 })
  }
  for (const chapter of book.chapters) if (chapter.title === '') chapter.title = String(book.metadata.title)
  if (!book.metadata.author) file.info('No author found: name one in book.yaml (`author:`)', { place: { line: 1, column: 1 }, ruleId: 'import-author', source: 'colophon-import' })
  if (!book.metadata.language) {
    book.metadata.language = languageOf(file, book.chapters.flatMap((chapter) => chapter.scenes).join('\n'), 'the text', { line: 1, column: 1 })
  }
  return book
}

/**
 * The heading level that holds chapters: the shallowest level that occurs
 * more than once, below a single heading at the top (the book's title). A
 * lone heading at the top of a story with no other is its title, and the
 * story one chapter: undefined.
 */
function chapterLevel(blocks: RootContent[]): number | undefined {
  const headings = blocks.filter((node): node is Heading => node.type === 'heading')
  const counts = new Map<number, number>()
  for (const node of headings) counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1)
  let levels = [...counts.keys()].sort()
  const top = headings[0]
  const titleAbove = top !== undefined && top.depth === levels[0] && counts.get(top.depth) === 1 && blocks.find((node) => node.type !== 'html') === top
  if (titleAbove) levels = levels.slice(1)
  return levels.find((depth) => counts.get(depth)! > 1) ?? levels[0]
}

/** pandoc's keys to colophon's; values are checked as book.yaml will check them. */
const KEYS: Record<string, string> = {
  title: 'title', subtitle: 'subtitle', author: 'author', lang: 'language', language: 'language', date: 'date',
  description: 'description', abstract: 'description', subject: 'subjects', keywords: 'subjects', rights: 'rights',
  identifier: 'identifier', series: 'series', publisher: 'publisher',
}

/** The front matter's keys as book.yaml's, and where the story starts. */
function frontMatter(text: string, file: VFile): { metadata: ImportedMetadata; bodyStart: number } {
  const match = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text)
  if (!match) return { metadata: {}, bodyStart: 0 }
  const lines = new LineCounter()
  const doc = parseDocument(match[1] ?? '', { lineCounter: lines, prettyErrors: false })
  const placeOf = (offset: number | undefined) => {
    const { line, col } = lines.linePos(offset ?? 0)
    return { line: line + 1, column: col }
  }
  const metadata: ImportedMetadata = {}
  const [error] = doc.errors
  if (error || !isMap(doc.contents)) {
    // Not front matter after all (a story may open with a `---` break): it stays text, and no word is lost.
    file.info(`Not read as front matter (${error ? error.message.split('\n')[0] : 'not a map of keys'}): kept as text`, { place: placeOf(error?.pos[0]), ruleId: 'import-front-matter', source: 'colophon-import' })
    return { metadata, bodyStart: 0 }
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const node = pair.value
    const value: unknown = node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node
    const place = placeOf((isScalar(pair.key) ? pair.key.range?.[0] : undefined))
    const ours = KEYS[key]
    const say = (reason: string): void => void file.info(reason, { place, ruleId: 'import-metadata', source: 'colophon-import' })
    // What the author wrote and the book will lack is a warning: `build FILE` shows warnings, not infos.
    const lost = (reason: string): void => void file.message(reason, { place, ruleId: 'import-metadata', source: 'colophon-import' })
    const texts = (input: unknown): string[] =>
      (Array.isArray(input) ? input : [input]).flatMap((item) => (typeof item === 'string' ? [item] : item && typeof item === 'object' && 'name' in item ? [String((item as { name: unknown }).name)] : typeof item === 'number' ? [String(item)] : []))
    if (key === 'cover-image') {
      say('`cover-image` is not read from a single file: put the picture in the manuscript as cover.jpg or cover.png')
      continue
    }
    if (!ours) {
      const meant = Object.hasOwn(FOREIGN_KEYS, key) ? FOREIGN_KEYS[key]?.key : undefined
      lost(`Front matter key \`${key}\` has no place in book.yaml${meant ? ` (did you mean \`${meant}\`?)` : ''}: left out`)
      continue
    }
    let converted: ImportedMetadata[string] | undefined
    if (ours === 'author') converted = texts(value).length === 1 ? texts(value)[0] : texts(value).length > 1 ? texts(value) : undefined
    else if (ours === 'subjects' || ours === 'tags') converted = texts(value).length > 0 ? texts(value) : undefined
    else if (ours === 'language') converted = typeof value === 'string' ? languageTag(value) : undefined
    else if (ours === 'date') {
      const date = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
      converted = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? date : undefined
    } else if (ours === 'identifier') converted = typeof value === 'string' ? canonicalIdentifier(value) : undefined
    else if (ours === 'series') converted = seriesOf(value)
    else converted = texts(value).join(' ').trim() || undefined
    if (converted === undefined) lost(`Front matter \`${key}\` is not in a form book.yaml takes${ours === 'date' ? ', expected YYYY, YYYY-MM or YYYY-MM-DD' : ''}: left out`)
    else {
      // `subject` and `keywords` both name subjects (as pandoc and book.yaml's own hint have it): kept together.
      const before = metadata[ours]
      metadata[ours] = Array.isArray(before) && Array.isArray(converted) ? [...new Set([...before, ...converted])] : converted
      say(`\`${key}\` → book.yaml \`${ours}\``)
    }
  }
  return { metadata, bodyStart: match[0].length }
}

/** `series: Name` or pandoc's `series: { name: Name, number: 2 }` (or `position:`). */
function seriesOf(value: unknown): { name: string; number?: number } | undefined {
  if (typeof value === 'string' && value.trim() !== '') return { name: value.trim() }
  if (!value || typeof value !== 'object') return undefined
  const { name, number, position } = value as { name?: unknown; number?: unknown; position?: unknown }
  if (typeof name !== 'string' || name.trim() === '') return undefined
  const at = typeof number === 'number' ? number : typeof position === 'number' ? position : undefined
  return at !== undefined && at > 0 ? { name: name.trim(), number: at } : { name: name.trim() }
}
