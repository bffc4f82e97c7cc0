import { languageTag } from '../language.ts'

/** A header field and the line (0-based) it was read from. */
export interface Field {
  value: string
  line: number
  /** Where it came from, when not a header line: for the message. */
  from?: string
}

export interface Gutenberg {
  /** The story's lines: from after the start marker (and "Produced by") to before the end. */
  start: number
  end: number
  title?: Field
  /** A title's second, indented line. */
  subtitle?: Field
  author?: Field
  language?: Field
  date?: Field
  /** Line ranges removed, [from, to) 0-based, with what they were. */
  removed: { from: number; to: number; what: string }[]
}

const START = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG|^\s*\*END\*\s*THE SMALL PRINT/i
const END = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/i
/** The line before the end marker in most texts: "End of the Project Gutenberg EBook of …". */
const END_LINE = /^\s*End of (?:the )?Project Gutenberg/i
const PRODUCED = /^\s*(?:Produced by|E-?text prepared by|This e-?book (?:was )?produced by|Transcribed (?:by|from)|Distributed Proofread)/i
const FIELD = /^(Title|Author|Language|Release [Dd]ate)\s*:\s*(.*)$/

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/**
 * A Project Gutenberg text's parts: the licence header (with its `Title:`,
 * `Author:`, `Language:` and `Release Date:` fields), the story, the
 * licence footer. Undefined when the text has no start marker.
 */
export function gutenberg(lines: string[]): Gutenberg | undefined {
  const startAt = lines.findIndex((line) => START.test(line))
  if (startAt < 0) return undefined
  // A long marker can wrap: it ends at the line that closes its `***`.
  let start = startAt + 1
  const closes = (line: string | undefined): boolean => (line ?? '').trimEnd().endsWith('***')
  if (!closes(lines[startAt]) && closes(lines[startAt + 1]) && !/\*END\*/.test(lines[startAt] ?? '')) start++
  const removed: Gutenberg['removed'] = [{ from: 0, to: start, what: 'Project Gutenberg licence header' }]
  let end = lines.findIndex((line, index) => index >= start && END.test(line))
  if (end < 0) end = lines.length
  const endLine = lines.findIndex((line, index) => index >= start && index < end && END_LINE.test(line))
  if (endLine >= 0 && end - endLine < 10) end = endLine
  if (end < lines.length) removed.push({ from: end, to: lines.length, what: 'Project Gutenberg licence footer' })

  // "Produced by" and its continuation lines, among the first lines of the story.
  let at = start
  while (at < end && at < start + 40 && !PRODUCED.test(lines[at] ?? '')) at++
  if (at < end && at < start + 40) {
    let to = at
    while (to < end && (lines[to] ?? '').trim() !== '') to++
    removed.push({ from: at, to, what: '"Produced by" credit' })
  }

  const found: Gutenberg = { start, end, removed }
  for (let index = 0; index < startAt; index++) {
    const match = FIELD.exec(lines[index] ?? '')
    if (!match) continue
    const value = match[2]!.trim()
    const line = index
    // A field's second line is indented under the first: a title's is its subtitle.
    let more = ''
    while (/^\s+\S/.test(lines[index + 1] ?? '') && !FIELD.test((lines[index + 1] ?? '').trim())) more += ' ' + lines[++index]!.trim()
    if (value === '') continue
    const name = match[1]!.toLowerCase()
    const field = { value: name === 'title' ? value : (value + more).trim(), line }
    if (name === 'title') {
      found.title = field
      if (more.trim()) found.subtitle = { value: more.trim(), line: line + 1 }
    }
    else if (name === 'author') found.author = field
    else if (name === 'language') {
      const tag = languageTag(value)
      if (tag) found.language = { value: tag, line: index }
    } else {
      const date = dateOf(value)
      if (date) found.date = { value: date, line: index }
    }
  }
  return found
}

/** "June 1, 1998 [eBook #1342]" → 1998-06-01; "March, 1994" → 1994. */
export function dateOf(text: string): string | undefined {
  const plain = text.replace(/\[[^\]]*\]/g, ' ').toLowerCase()
  const pad = (n: number): string => String(n).padStart(2, '0')
  const monthFirst = /\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(plain)
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b/.exec(plain)
  for (const [monthName, day, year] of [
    monthFirst && [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!],
    dayFirst && [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!],
  ].filter((parts): parts is string[] => Boolean(parts))) {
    const month = MONTHS.findIndex((name) => name.startsWith(monthName!.slice(0, 3)) && monthName!.length >= 3) + 1
    if (month > 0 && Number(day) >= 1 && Number(day) <= 31) return `${year}-${pad(month)}-${pad(Number(day))}`
  }
  return /\b(1[5-9]\d\d|20\d\d)\b/.exec(plain)?.[1]
}
