import type { VFile } from 'vfile'
import { decodeText } from '../decode.ts'
import { escapeInline, escapeMarkdown } from '../escape-markdown.ts'
import type { Segment } from '../source-map.ts'
import { languageOf } from '../language.ts'
import type { Unit } from '../notes.ts'
import { blocksOf, isHardWrapped, wrapWidth, type Paragraph } from '../text/blocks.ts'
import { gutenberg, type Field } from '../text/gutenberg.ts'
import { itemsOf } from '../text/structure.ts'
import { titleLike } from '../text/headings.ts'
import { assemble, type Section } from '../assemble.ts'
import type { ImportedBook } from '../types.ts'
import { titleOfFile } from '../file-title.ts'

/**
 * A plain-text story as it arrives: a Project Gutenberg book, a fan
 * fiction chapter pasted from a browser, a draft. Structure is found in
 * this order (docs/decisions/0013): the Gutenberg licence is cut away and
 * its header read; the text is cut into blocks at blank lines; blocks are
 * headings, scene breaks or paragraphs; a contents list is left out; the
 * headings cut the text into chapters (parts folded into their titles);
 * each chapter's notes are found at its start and end.
 */
export async function readText(file: VFile): Promise<ImportedBook> {
  return textToBook(decodeText(file), file)
}

export function textToBook(text: string, file: VFile): ImportedBook {
  const info = (reason: string, ruleId: string, line: number, column = 1, endLine?: number): void => {
    const place = endLine === undefined ? { line, column } : { start: { line, column }, end: { line: endLine, column: (lines[endLine - 1]?.length ?? 0) + 1 } }
    file.info(reason, { place, ruleId, source: 'colophon-import' })
  }
  const lines = text.split('\n')
  const found = gutenberg(lines)
  for (const cut of found?.removed ?? []) {
    if (cut.to > cut.from) info(`Left out: ${cut.what}`, 'import-removed', cut.from + 1, 1, cut.to)
  }
  const credits = new Set((found?.removed ?? []).filter((cut) => cut.what.startsWith('"Produced')).flatMap((cut) => range(cut.from, cut.to)))
  const body = lines.map((line, index) => (credits.has(index) ? '' : line))
  const blocks = blocksOf(body, found?.start ?? 0, found?.end ?? lines.length)
  const hardWrapped = isHardWrapped(blocks)
  const items = itemsOf(blocks, hardWrapped, wrapWidth(blocks))

  const sections: Section[] = []
  let part: string | undefined
  let current: Section = { kind: 'front', units: [] }
  sections.push(current)
  for (const item of items) {
    if (item.type === 'removed') {
      info(`Left out: ${item.what} (the book makes its own)`, 'import-removed', item.line, 1, item.endLine)
    } else if (item.type === 'heading') {
      const { heading } = item
      if (heading.kind === 'part') {
        part = heading.title
        info(`Part \`${heading.title}\`: its title goes before its chapters'`, 'import-part', item.line, item.column)
        current = { kind: 'chapter', title: part, heading, line: item.line, column: item.column, units: [], partOnly: true }
      } else if (heading.kind === 'front' && sections.every((section) => section.kind === 'front')) {
        current = { kind: 'page', page: heading.label.toLowerCase().replace(/[^a-z]+/g, '-'), title: heading.title, line: item.line, column: item.column, units: [] }
      } else if (heading.kind === 'back' && sections.some((section) => section.kind === 'chapter')) {
        current = { kind: 'back', page: heading.label.toLowerCase(), title: heading.title, line: item.line, column: item.column, units: [] }
      } else {
        // A prologue, an interlude or an epilogue stands on its own: it takes no part's title.
        const title = part && heading.shape !== 'named' ? `${part}: ${heading.title}` : heading.title
        current = { kind: 'chapter', title, heading, line: item.line, column: item.column, units: [] }
      }
      sections.push(current)
    } else if (item.type === 'break') {
      current.units.push({ kind: 'break', text: item.marker, line: item.line, column: item.column })
    } else {
      current.units.push(paraUnit(item.para))
    }
  }

  const named = dropTitleLines(sections[0]!.units, lines, found, info)
  const book = assemble(sections, file)
  metadataOf(book, named, sections, file, info, text)
  // The one chapter of a text without headings is called as the book is.
  for (const chapter of book.chapters) if (chapter.title === '') chapter.title = String(book.metadata.title)
  return book
}

const normal = (text: string): string => text.replace(/\\/g, '').replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * The title page a text types at its top (`THE LANTERN KEEPER` / `by Maud
 * Ellery`) repeats what book.yaml holds, and the book makes its own title
 * page: those lines are left out. Without a header, they are where the
 * title and author come from.
 */
function dropTitleLines(units: Unit[], lines: string[], given: ReturnType<typeof gutenberg>, info: Info): ReturnType<typeof gutenberg> {
  let found = given
  // Without a header: a title-like first line and a `by Name` line under it name the book.
  const first = units[0]
  if (!found && first?.kind === 'para' && first.line === 1) {
    // The two lines as typed, in one block or two.
    const title = (lines[0] ?? '').trim()
    const blankSecond = (lines[1] ?? '').trim() === ''
    const next = ((blankSecond ? lines[2] : lines[1]) ?? '').trim()
    const byline = /^by\s+(\S.{1,59})$/i.exec(next)
    if (byline && titleLike(title) && !/[.!?,;:]$/.test(title)) {
      found = {
        start: 0,
        end: 0,
        removed: [],
        title: { value: title, line: 0, from: 'the title line at the top' },
        author: { value: byline[1]!.trim(), line: blankSecond ? 2 : 1, from: 'the `by` line under the title' },
      }
      if (normal(first.text) === normal(`${title} ${next}`)) {
        info(`Left out: \`${title}\` / \`${next}\`, the book's own title page says it`, 'import-removed', 1, 1, 2)
        units.splice(0, 1)
      }
    }
  }
  const known = [found?.title?.value, found?.subtitle?.value, found?.author?.value].filter((value): value is string => Boolean(value)).map(normal)
  for (let index = 0; index < Math.min(units.length, 4); index++) {
    const unit = units[index]!
    const text = normal(unit.text)
    const byline = /^by\s+(.{2,60})$/.exec(text)
    if (unit.kind === 'para' && (known.includes(text) || (byline && known.includes(byline[1]!)))) {
      info(`Left out: \`${unit.text}\`, the book's own title page says it`, 'import-removed', unit.line, unit.column)
      units.splice(index--, 1)
    }
  }
  return found
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index)
}

/** A paragraph as a unit whose text is Markdown: lines of verse end in a hard break. */
function paraUnit(para: Paragraph): Unit {
  const escape = (line: string): string => escapeMarkdown(line, { emphasis: true })
  const text = para.lines.map(escape).join('\\\n')
  const lines = para.lines.map((line, index) => shiftedByEscapes(line, para.origins[index] ?? []))
  return { kind: 'para', text, line: para.line, column: para.column, lines }
}

/**
 * A joined line's stretches, moved along by the backslashes escaping adds
 * before each: counted piece by piece, so a paragraph of many joined lines
 * costs its length once. Near enough: an escape may depend on what follows
 * a piece, and emphasis is rewritten whole.
 */
function shiftedByEscapes(line: string, segments: readonly Segment[]): Segment[] {
  let added = 0
  return segments.map((segment, index) => {
    const shifted = { ...segment, at: segment.at + added }
    const end = segments[index + 1]?.at ?? line.length
    const piece = line.slice(segment.at, end)
    added += escapeInline(piece).length - piece.length
    return shifted
  })
}

type Info = (reason: string, ruleId: string, line: number, column?: number, endLine?: number) => void

/** book.yaml's keys from the Gutenberg header, the opening lines, the chapters and the text itself. */
function metadataOf(book: ImportedBook, found: ReturnType<typeof gutenberg>, sections: Section[], file: VFile, info: Info, text: string): void {
  const from = (key: string, field: Field | undefined, what: string): boolean => {
    if (!field) return false
    book.metadata[key] = field.value
    info(`${what} from ${field.from ?? `the \`${what === 'Date' ? 'Release Date' : what}:\` line`}`, `import-${key}`, field.line + 1)
    return true
  }
  from('title', found?.title, 'Title')
  if (found?.subtitle) {
    book.metadata.subtitle = found.subtitle.value
    info('Subtitle from the `Title:` field\'s second line', 'import-subtitle', found.subtitle.line + 1)
  }
  from('author', found?.author, 'Author')
  from('date', found?.date, 'Date')
  from('language', found?.language, 'Language')
  if (!book.metadata.title) {
    const first = sections.find((section) => section.kind === 'chapter' && !section.partOnly)
    const subtitle = first?.kind === 'chapter' ? first.heading?.subtitle : undefined
    if (subtitle && first?.kind === 'chapter') {
      book.metadata.title = subtitle
      info(`Title \`${subtitle}\` from the first chapter's \`${first.title}\``, 'import-title', first.line, first.column)
    } else book.metadata.title = titleOfFile(file, 'the text', { line: 1, column: 1 })
  }
  if (!book.metadata.author) {
    // "truffles here.": how fan fiction writers sign their notes.
    for (const note of [...book.chapters.flatMap((chapter) => [chapter.headNote, chapter.endNote]), ...book.front.map((page) => page.markdown)]) {
      const signed = note && /\b([\p{L}][\p{L}\p{N}_.-]{1,30}) here[.!]/u.exec(note)
      if (signed && !/^(?:I|It|We|You|He|She|They|Hi|Hey|Hello|Everyone|All)$/i.test(signed[1]!)) {
        book.metadata.author = signed[1]!
        // Reported at the signature's line in the source (the note's Markdown keeps its words as typed).
        const at = text.indexOf(signed[0])
        info(`Author \`${signed[1]}\` from an author's note ("${signed[0]}")`, 'import-author', at < 0 ? 1 : text.slice(0, at).split('\n').length)
        break
      }
    }
    if (!book.metadata.author) info('No author found: name one in book.yaml (`author:`)', 'import-author', 1)
  }
  if (!book.metadata.language) {
    const story = book.chapters.flatMap((chapter) => chapter.scenes).join('\n')
    book.metadata.language = languageOf(file, story, 'the text', { line: 1, column: 1 })
  }
}
