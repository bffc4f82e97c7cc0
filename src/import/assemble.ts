import type { VFile } from 'vfile'
import { BookError } from '../errors.ts'
import { escapeMarkdown } from './escape-markdown.ts'
import { isDisclaimer, isNoteStart, placeNotes, type Unit } from './notes.ts'
import { concatTraced, joinTraced, unitOrigins, type Traced } from './source-map.ts'
import type { ImportedBook, ImportedChapter } from './types.ts'

/** A run of the source under one heading, its units already Markdown. */
export type Section =
  /** What comes before the first heading. */
  | { kind: 'front'; units: Unit[] }
  /** A front page under its own heading (`Preface`, `Dedication`). */
  | { kind: 'page'; page: string; title: string; line: number; column: number; units: Unit[] }
  /** A back page under its own heading, after the chapters (`Afterword`). */
  | { kind: 'back'; page: string; title: string; line: number; column: number; units: Unit[] }
  | {
      kind: 'chapter'
      title: string
      heading?: { subtitle?: string }
      line: number
      column: number
      units: Unit[]
      /** A part's heading: a chapter only when text stands under it before its first chapter. */
      partOnly?: boolean
    }

const DEDICATION = /^[*_]*(?:dedicat(?:ed|ion)\b|to my\b|for my\b)/i
/** `For Hester, who …`, `To my mother`: short, and addressed to someone by name. */
const DEDICATED = /^[*_]*(?:For|To)\s+\p{Lu}/u
/** An epigraph's attribution: `— Author`, `-- Author`, `~ Author`. */
const ATTRIBUTION = /^(?:\\?[-–—~]{1,2}|―)\s*\S/
/** A quotation closed and then attributed: `"…" --Old saying`, `…\` / `— Author`. */
const ENDS_ATTRIBUTED = /["”'’.!?][ \t]*(?:\\\n[ \t]*)?(?:--|—|―)[ \t]*\p{Lu}[^"“”\n]{0,60}$/u

/**
 * The sections a reader found, as the book: front pages from what stands
 * before the first chapter (disclaimer, notes, dedication, epigraph, any
 * other opening text), chapters with their notes and scenes, back pages.
 * Every placement is a message at its place in the source.
 */
export function assemble(sections: Section[], file: VFile): ImportedBook {
  const info = (reason: string, ruleId: string, unit: { line: number; column: number }): void => {
    file.info(reason, { place: { line: unit.line, column: unit.column }, ruleId, source: 'colophon-import' })
  }
  const book: ImportedBook = { metadata: {}, front: [], chapters: [], back: [], images: [] }
  const page = (kind: string, units: Unit[]): void => {
    const { text: markdown, lines } = traced(units)
    if (markdown === '') return
    const same = book.front.find((existing) => existing.kind === kind)
    if (same) {
      const joined = concatTraced([{ text: same.markdown, lines: same.lines }, { text: '\n' }, { text: markdown, lines }])
      same.markdown = joined.text
      same.lines = joined.lines
    } else book.front.push({ kind, markdown, lines })
  }
  const chapterSections = sections.filter((section) => section.kind === 'chapter' && (!section.partOnly || hasText(section.units)))
  const opening = sections.find((section) => section.kind === 'front')?.units ?? []
  if (chapterSections.length === 0) {
    // No heading: the whole text is the one chapter, its notes found as any chapter's.
    info('No chapter headings found: the text is one chapter', 'import-chapter', opening[0] ?? { line: 1, column: 1 })
    const { disclaimers, rest } = takeDisclaimers(opening)
    for (const unit of disclaimers) info('Disclaimer: a front page', 'import-disclaimer', unit)
    page('disclaimer', disclaimers)
    if (hasText(rest)) book.chapters.push(chapterOf('', rest, 1, file))
  } else {
    frontOf(opening, info, page)
  }
  for (const section of sections) {
    if (section.kind === 'page') {
      info(`Front page \`${section.title}\``, 'import-front', section)
      page(section.page, section.units)
    } else if (section.kind === 'back') {
      info(`Back page \`${section.title}\``, 'import-back', section)
      const { text: markdown, lines } = traced(section.units)
      if (markdown !== '') book.back.push({ kind: section.page, markdown, lines })
    } else if (section.kind === 'chapter' && chapterSections.includes(section)) {
      let units = section.units
      if (book.chapters.length === 0) {
        // A disclaimer under the first heading is still the book's.
        const { disclaimers, rest } = takeDisclaimers(units)
        for (const unit of disclaimers) info('Disclaimer: a front page', 'import-disclaimer', unit)
        page('disclaimer', disclaimers)
        units = rest
      }
      if (!hasText(units)) {
        info(`Left out: chapter heading \`${section.title}\` with no text under it`, 'import-removed', section)
        continue
      }
      info(`Chapter ${book.chapters.length + 1} \`${section.title}\``, 'import-chapter', section)
      book.chapters.push(chapterOf(section.title, units, book.chapters.length + 1, file))
    }
  }
  if (book.chapters.length === 0) {
    // Headings with nothing under them, or only front matter: a book needs a chapter, and no word may go.
    const texts = sections.flatMap((section) => [
      ...(section.kind === 'front' ? [] : [escapeMarkdown(section.title)]),
      ...section.units.filter((unit) => unit.kind === 'para').map((unit) => unit.text),
    ])
    if (texts.length === 0) {
      const message = file.message('Unexpected text with no story in it (only scene breaks), expected paragraphs', { place: { line: 1, column: 1 }, ruleId: 'import-empty', source: 'colophon-import' })
      message.fatal = true
      throw new BookError([message])
    }
    info('No chapter with text under it: the whole text is one chapter', 'import-chapter', { line: 1, column: 1 })
    return { ...book, front: [], back: [], chapters: [{ title: '', scenes: [texts.join('\n\n') + '\n'] }] }
  }
  return book
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function hasText(units: Unit[]): boolean {
  return units.some((unit) => unit.kind === 'para')
}

/** A run of units as one Markdown text, a blank line between paragraphs, and where each of its lines came from. */
function traced(units: Unit[]): Required<Traced> {
  const paras = units.filter((unit) => unit.kind === 'para').map((unit) => ({ text: unit.text, lines: unit.lines ?? unitOrigins(unit.text, unit.line, unit.column) }))
  if (paras.length === 0) return { text: '', lines: [] }
  return concatTraced([joinTraced(paras, '\n\n'), { text: '\n' }])
}

function takeDisclaimers(units: Unit[]): { disclaimers: Unit[]; rest: Unit[] } {
  let count = 0
  while (units[count]?.kind === 'para' && isDisclaimer(units[count]!.text)) count++
  return { disclaimers: units.slice(0, count), rest: units.slice(count) }
}

/** What stands before the first chapter, as front pages by what each paragraph is. */
function frontOf(
  units: Unit[],
  info: (reason: string, ruleId: string, unit: Unit) => void,
  page: (kind: string, units: Unit[]) => void,
): void {
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!
    if (unit.kind === 'break') continue
    const next = units[index + 1]
    if (isDisclaimer(unit.text)) {
      info('Disclaimer: a front page', 'import-disclaimer', unit)
      page('disclaimer', [unit])
    } else if (isNoteStart(unit.text)) {
      info("Author's note before the first chapter: a front page `notes`", 'import-note', unit)
      page('notes', [unit])
    } else if (DEDICATION.test(unit.text) || (DEDICATED.test(unit.text) && words(unit.text) <= 20)) {
      info('Dedication: a front page', 'import-dedication', unit)
      page('dedication', [unit])
    } else if (next?.kind === 'para' && ATTRIBUTION.test(next.text)) {
      info('Epigraph: a front page', 'import-epigraph', unit)
      page('epigraph', [unit, next])
      index++
    } else if (ENDS_ATTRIBUTED.test(unit.text)) {
      // A quotation set with its attribution as its last line (joined to it when the text was wrapped).
      info('Epigraph: a front page', 'import-epigraph', unit)
      page('epigraph', [unit])
    } else {
      info('Text before the first chapter: a front page `opening`', 'import-front', unit)
      page('opening', [unit])
    }
  }
}

/** A chapter's units as its head note, scenes and end note. */
function chapterOf(title: string, units: Unit[], number: number, file: VFile): ImportedChapter {
  const info = (reason: string, ruleId: string, unit: Unit): void => {
    file.info(reason, { place: { line: unit.line, column: unit.column }, ruleId, source: 'colophon-import' })
  }
  const { head, body, end } = placeNotes(units)
  const origins: NonNullable<ImportedChapter['origins']> = { scenes: [] }
  const chapter: ImportedChapter = { title, scenes: [], origins }
  if (head) {
    info(`Author's note: the head note of chapter ${number}`, 'import-note', head[0]!)
    const note = traced(head)
    chapter.headNote = note.text
    origins.headNote = note.lines
  }
  let scene: Unit[] = []
  const flush = (): void => {
    if (hasText(scene)) {
      const { text, lines } = traced(scene)
      chapter.scenes.push(text)
      origins.scenes.push(lines)
    }
    scene = []
  }
  for (const unit of body) {
    if (unit.kind === 'break') {
      if (hasText(scene)) info(`Scene break \`${unit.text}\``, 'import-scene-break', unit)
      else info(`Scene break \`${unit.text}\` with no scene before it: left out`, 'import-scene-break', unit)
      flush()
    } else scene.push(unit)
  }
  flush()
  if (end) {
    info(`Author's note: the end note of chapter ${number}`, 'import-note', end[0]!)
    const note = traced(end)
    chapter.endNote = note.text
    origins.endNote = note.lines
  }
  return chapter
}
