import type { VFile } from 'vfile'
import { assembleChapter } from '../blocks/chapter.ts'
import { frontPages } from '../blocks/front.ts'
import { pageKind } from '../blocks/kinds.ts'
import { blocksToMarkdown } from '../blocks/markdown.ts'
import { isOrnament } from '../blocks/ornament.ts'
import type { Block } from '../blocks/types.ts'
import type { ImportedChapter, ImportedMetadata, ImportedPage } from '../types.ts'

const INFO = { source: 'colophon-import' } as const

export interface Structure {
  front: ImportedPage[]
  chapters: ImportedChapter[]
  back: ImportedPage[]
  /** A lone top heading above the chapters: the book's title. */
  title?: string
}

interface Start {
  index: number
  title: string
  /** Blocks the title took (a second title line). */
  length: number
  /** A front or back page rather than a chapter. */
  page?: string
}

/**
 * The flat blocks of a DOCX to front pages, chapters and back pages.
 * Chapters start at the heading level that repeats (a single heading above
 * it is the book's title); where the writer used no heading styles, at short
 * centred or bold paragraphs that share one shape (`Chapter 1`, `Chapter 2`:
 * `chapter #`), with `Prologue`, `Epilogue` and `Interlude` beside them.
 */
export function findStructure(file: VFile, blocks: readonly Block[], fallbackTitle: string, metadata: ImportedMetadata = {}): Structure {
  let title: string | undefined
  let starts: { list: Start[]; level?: number; title?: string } | undefined = headingStarts(blocks)
  if (starts) {
    const top = blocks.findIndex((block) => block.heading !== undefined)
    const first = blocks[top]
    if (first && starts.title !== undefined) {
      title = starts.title
      file.info(`title from the lone heading \`${first.text}\` above the chapters (${first.where})`, { ruleId: 'import-title', ...INFO })
    }
  } else {
    starts = patternStarts(blocks)
  }
  const list = starts?.list ?? []
  const level = starts?.level
  // A heading above the chapters' level (`Part Two`) opens the chapter after it: colophon has no
  // parts yet, so it is kept there as a heading rather than trailing the chapter before.
  const isPart = (block: Block): boolean => level !== undefined && block.heading !== undefined && block.heading < level && block.text !== title && !pageKind(block.text)
  let carried: Block[] = []
  const takeParts = (body: Block[]): Block[] => {
    let end = body.length
    while (end > 0 && isPart(body[end - 1] as Block)) end--
    const kept = body.slice(0, end)
    for (const part of body.slice(end)) file.info(`part heading \`${part.text}\` kept as a heading at the start of the next chapter (${part.where})`, { ruleId: 'import-part', ...INFO })
    carried = body.slice(end)
    return kept
  }
  for (const start of list) {
    const block = blocks[start.index] as Block
    if (!start.page) file.info(`chapter ${list.filter((s) => !s.page).indexOf(start) + 1} \`${start.title}\` (${block.where})`, { ruleId: 'import-chapter', ...INFO })
  }
  const chapters: ImportedChapter[] = []
  const back: ImportedPage[] = []
  const firstStart = list[0]?.index ?? blocks.length
  const loose = takeParts(blocks.slice(0, firstStart).filter((block) => !(title && block.heading && block.text === title)))
  const front = list.length === 0 ? [] : frontPages(file, loose, metadata)
  if (list.filter((start) => !start.page).length === 0) {
    file.info('no chapter headings found: the whole text is one chapter', { ruleId: 'import-chapter', ...INFO })
    const body = list.length === 0 ? blocks : loose
    if (body.length > 0) chapters.push(assembleChapter(file, title ?? fallbackTitle, body))
  }
  list.forEach((start, position) => {
    const end = list[position + 1]?.index ?? blocks.length
    const before = carried
    const body = [...before, ...takeParts(blocks.slice(start.index + start.length, end))]
    if (start.page) {
      const block = blocks[start.index] as Block
      file.info(`${start.page} page \`${start.title}\` (${block.where})`, { ruleId: `import-${start.page}`, ...INFO })
      if (body.length === 0) return
      const page = { kind: start.page, markdown: blocksToMarkdown(body.filter((b) => !isOrnament(b))) }
      if (chapters.length === 0) front.push(page)
      else back.push(page)
      return
    }
    chapters.push(assembleChapter(file, start.title, body))
  })
  return { front, chapters, back, ...(title ? { title } : {}) }
}

/** Heading styles: the shallowest level that repeats, or the only one there is. */
function headingStarts(blocks: readonly Block[]): { list: Start[]; level: number; title?: string } | undefined {
  const headed = blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.heading !== undefined)
  if (headed.length === 0) return undefined
  // `Part One`, `Book II` above deeper headings hold chapters; they are not chapters themselves.
  const deepest = Math.max(...headed.map(({ block }) => block.heading as number))
  const story = headed.filter(({ block }) => !pageKind(block.text) && !(PART.test(block.text) && (block.heading as number) < deepest))
  const counts = new Map<number, number>()
  for (const { block } of story) counts.set(block.heading as number, (counts.get(block.heading as number) ?? 0) + 1)
  const levels = [...counts.keys()].sort((a, b) => a - b)
  const level = levels.find((candidate) => (counts.get(candidate) ?? 0) >= 2) ?? levels[0] ?? 1
  const top = story[0]
  // One heading above the repeating level, before all of them, is the book's title.
  const title = top && (top.block.heading as number) < level && counts.get(top.block.heading as number) === 1 ? top.block.text : undefined
  const list: Start[] = []
  for (const { block, index } of headed) {
    const kind = pageKind(block.text)
    if (kind === 'skip') continue
    if (kind && (block.heading as number) <= level) list.push({ index, title: block.text, length: 1, page: kind })
    else if (block.heading === level) list.push({ index, title: block.text, length: 1 })
  }
  return { list, level, ...(title ? { title } : {}) }
}

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b/gi
const ONE_OFF = /^(?:prologue|epilogue|interlude)\b/i
const PART = /^(?:part|book|volume)\s+\S+/i

/** A title's shape: numbers of every kind as `#`, so `Chapter 2` and `Chapter Twelve` match. */
export function shapeOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b[ivxlc]+\b(?=[.:\s]|$)/g, '#')
    .replace(/\d+/g, '#')
    .replace(NUMBER_WORDS, '#')
    .replace(/[:.\-–—]\s.*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function isCandidate(block: Block): boolean {
  const words = block.text.split(/\s+/).length
  return (block.centred || block.bold) && block.text.length <= 80 && words <= 12 && !isOrnament(block) && !/[.!?,;"”]$/.test(block.text)
}

/** No heading styles: the short centred or bold paragraphs whose shape repeats. */
function patternStarts(blocks: readonly Block[]): { list: Start[] } | undefined {
  const candidates = blocks.map((block, index) => ({ block, index })).filter(({ block }) => isCandidate(block))
  const counts = new Map<string, number>()
  for (const { block } of candidates) {
    const shape = shapeOf(block.text)
    if (shape.includes('#')) counts.set(shape, (counts.get(shape) ?? 0) + 1)
  }
  const [shape, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (count < 2) return undefined
  const list: Start[] = []
  for (const { block, index } of candidates) {
    const kind = pageKind(block.text)
    if (kind && kind !== 'skip') {
      list.push({ index, title: block.text, length: 1, page: kind })
      continue
    }
    if (shapeOf(block.text) !== shape && !ONE_OFF.test(block.text)) continue
    // A second short line in the same dress is the rest of the title: `Chapter 1` / `The Lighthouse`.
    const next = blocks[index + 1]
    const joined = next && isCandidate(next) && next.centred === block.centred && next.bold === block.bold && next.text.split(/\s+/).length <= 8 && shapeOf(next.text) !== shape && !ONE_OFF.test(next.text) && !pageKind(next.text)
    list.push({ index, title: joined ? `${block.text}: ${next.text}` : block.text, length: joined ? 2 : 1 })
  }
  return { list }
}
