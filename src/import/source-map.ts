import type { Point, Position } from 'unist'
import type { VFileMessage } from 'vfile-message'

/**
 * Where the lines of an imported text came from in the story file, so that
 * a message the build gives about a scene `colophon build FILE` wrote into
 * its private folder can name the user's file, line and column instead
 * (decision 0043). Pure: written texts and messages in, places out.
 */

/** From offset `at` (0-based) of a written line on, the text came from the source's `line` and `column` (1-based). */
export interface Segment {
  at: number
  line: number
  column: number
  /**
   * The stretch came from the element at `line`, `column`, but not character
   * by character (HTML rewritten as Markdown): every column of it is that place.
   */
  whole?: boolean
}

/**
 * For each line of a written text (its index), the stretches it came from,
 * in order; `undefined` for a line the writer made (the blank line between
 * two paragraphs). A line of Markdown is one stretch; a hard-wrapped line of
 * plain text joined into one paragraph is one stretch per source line.
 */
export type LineOrigins = Array<Segment[] | undefined>

/** What a file of the imported manuscript stands for in the story file. */
export interface FileOrigin {
  /** The part of the story, in words: `chapter 2 "The Ferry", scene 1`. */
  label: string
  /** Where each of its lines came from, for the formats that have lines (Markdown, plain text). */
  lines?: LineOrigins
  /** Its paragraph (1-based) by line, for the formats that have none: a message then names the paragraph. */
  paragraphs?: number[]
  /** A file the story names by its own path (an image beside it): messages name that file. */
  file?: string
}

/** The lines of a unit of text that starts at `line`, `column` of the source and runs on line by line as the source does. */
export function unitOrigins(text: string, line: number, column: number): LineOrigins {
  return text.split('\n').map((_, index) => [{ at: 0, line: line + index, column: index === 0 ? column : 1 }])
}

/** A text and where its lines came from (none: the writer made it, as a blank line between paragraphs). */
export interface Traced {
  text: string
  lines?: LineOrigins
}

/**
 * Texts one after the other, and their origins with them: the last line of
 * one and the first line of the next become one line, the next's stretches
 * moved along by what stands before them.
 */
export function concatTraced(parts: readonly Traced[]): Required<Traced> {
  const texts: string[] = []
  const lines: LineOrigins = [undefined]
  // The length of the last line so far, kept as the parts come: scanning the joined text for it would cost its length each time.
  let shift = 0
  for (const part of parts) {
    const own = part.text.split('\n')
    const first = part.lines?.[0]?.map((segment) => ({ ...segment, at: segment.at + shift }))
    const merged = [...(lines.at(-1) ?? []), ...(first ?? [])]
    lines[lines.length - 1] = merged.length > 0 ? merged : undefined
    for (let index = 1; index < own.length; index++) lines.push(part.lines?.[index])
    shift = own.length > 1 ? own.at(-1)!.length : shift + part.text.length
    texts.push(part.text)
  }
  return { text: texts.join(''), lines }
}

/** Texts joined with `separator` between them (`\n\n`: a blank line the writer made). */
export function joinTraced(parts: readonly Traced[], separator: string): Required<Traced> {
  return concatTraced(parts.flatMap((part, index) => (index === 0 ? [part] : [{ text: separator }, part])))
}

/**
 * The paragraph (1-based) each line of a text belongs to, paragraphs being
 * runs of lines between blank ones: for a message in a text whose source
 * has no lines (DOCX, EPUB, HTML).
 */
export function paragraphNumbers(text: string): number[] {
  let number = 0
  let blank = true
  return text.split('\n').map((line) => {
    const isBlank = line.trim() === ''
    if (!isBlank && blank) number++
    blank = isBlank
    return Math.max(number, 1)
  })
}

/**
 * The source's place for a place in a written text: its line exactly; its
 * column within that line approximately when the writer escaped characters
 * or retargeted an image's path before it (a column the source line does
 * not reach is clamped to the stretch's start).
 */
export function sourcePoint(lines: LineOrigins, point: { line: number; column: number }): { line: number; column: number } | undefined {
  const segments = nearestLine(lines, point.line - 1)
  if (!segments) return undefined
  const offset = Math.max(point.column - 1, 0)
  let segment = segments[0]!
  for (const candidate of segments) if (candidate.at <= offset) segment = candidate
  return { line: segment.line, column: segment.whole ? segment.column : segment.column + Math.max(offset - segment.at, 0) }
}

/** The origin of a line, or of the nearest line before it that has one (a blank line the writer made is its paragraph's end). */
function nearestLine(lines: LineOrigins, index: number): Segment[] | undefined {
  for (let at = Math.min(index, lines.length - 1); at >= 0; at--) {
    const segments = lines[at]
    if (segments && segments.length > 0) return segments
  }
  return lines.find((segments) => segments && segments.length > 0)
}

/** How a build of a story file names things: the folder it was imported into, the file as the user named it, each written file's origin. */
export interface StoryMap {
  /** The private folder's name, as message paths start (`story.md`). */
  folder: string
  /** The story file as the user named it. */
  source: string
  /** Each written file's path inside the folder (`chapters/01-one/01-hello.md`) to its origin. */
  files: ReadonlyMap<string, FileOrigin>
}

/**
 * A build's message as the user should read it: naming the story file (or
 * the image file beside it) and the line and column there, instead of the
 * private folder's path. A message about a part without lines names the
 * part in the file's name (`story.docx (chapter 2 "Two", paragraph 3)`).
 * Messages about other files (none, or the templates) are returned as they
 * came. The message is changed in place and returned.
 */
export function toSource(message: VFileMessage, map: StoryMap): VFileMessage {
  renameFiles(message, map)
  const path = message.file ?? ''
  if (path !== map.folder && !path.startsWith(`${map.folder}/`)) return message
  const inside = path.slice(map.folder.length + 1)
  const origin = map.files.get(inside)
  if (!origin) {
    // The folder itself, or a file the import did not write (none should be read): the story as a whole.
    message.file = inside === '' ? map.source : `${map.source} (${inside})`
    return message
  }
  if (origin.file !== undefined) {
    message.file = origin.file
    return message
  }
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  if (origin.lines && start) {
    const from = sourcePoint(origin.lines, start)
    const to = place && 'end' in place ? sourcePoint(origin.lines, place.end) : undefined
    if (from) {
      message.file = map.source
      setPlace(message, to && (to.line > from.line || (to.line === from.line && to.column >= from.column)) ? { start: from, end: to } : from)
      return message
    }
  }
  const paragraph = start && origin.paragraphs ? origin.paragraphs[Math.min(start.line, origin.paragraphs.length) - 1] : undefined
  message.file = `${map.source} (${origin.label}${paragraph === undefined ? '' : `, paragraph ${paragraph}`})`
  setPlace(message, undefined)
  return message
}

function setPlace(message: VFileMessage, place: Point | Position | undefined): void {
  message.place = place
  const start = place && 'start' in place ? place.start : place
  message.line = start?.line
  message.column = start?.column
}

/**
 * A reason that names a copied file by its place in the private folder
 * (`story.md/images/map.svg`) or by the path a scene gives it there
 * (`../../images/map.svg`) names it as the user does: `art/map.svg`.
 */
function renameFiles(message: VFileMessage, map: StoryMap): void {
  let reason = message.reason
  for (const [path, origin] of map.files) {
    if (origin.file === undefined || !reason.includes(path)) continue
    reason = reason.split(`${map.folder}/${path}`).join(origin.file)
    reason = reason.replace(new RegExp(`(?<=\`)(?:\\.\\./)*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\`)`, 'g'), origin.file)
  }
  if (reason === message.reason) return
  message.reason = reason
  message.message = reason
}
