/**
 * The shapes a heading takes in plain text. Each is tried on a block of one
 * or two short lines standing alone between blank lines; the reader then
 * keeps a shape only where the book confirms it (see readers/text.ts).
 */

export type HeadingKind = 'chapter' | 'part' | 'front' | 'back' | 'contents'

/** The shape that matched: numbered shapes count only when they recur. */
export type HeadingShape = 'labelled' | 'named' | 'part' | 'numbered' | 'bare' | 'contents'

export interface Heading {
  kind: HeadingKind
  shape: HeadingShape
  /** The heading as typed, its lines joined. */
  title: string
  /** What it is called without its own title (`Chapter 12`, `Prologue`): for keys and messages. */
  label: string
  /** The title after the label (`Sequence` in `Prologue: Sequence`), when there is one. */
  subtitle?: string
}

const WORD_NUMBER =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last))'
const ROMAN = '(?=[IVXLCDM]+\\b)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})'
const NUMBER = `(?:\\d{1,4}|${ROMAN}|${WORD_NUMBER})`
/** What may stand between a label and its title: `Chapter 1: Title`, `Chapter 1. Title`, `Chapter 1 - Title`. */
const SEPARATOR = '(?:\\s*[.:\\-–—]\\s*|\\s+|$)'

const CHAPTER = new RegExp(`^((?:chapter|chap\\.|ch\\.)\\s+${NUMBER})\\b\\.?${SEPARATOR}(.*)$`, 'i')
const PART = new RegExp(`^((?:part|book|volume|vol\\.)\\s+${NUMBER})\\b\\.?${SEPARATOR}(.*)$`, 'i')
const NAMED = /^(prologue|epilogue|interlude|prelude|afterword|foreword|preface|introduction|dedication|postscript|author'?s note)\b\.?(?:\s*[.:\-–—]\s*(.*)|\s*)$/i
/** `ADVENTURE I. A SCANDAL IN BOHEMIA`, `VII. THE BLUE CARBUNCLE`, `12. Home`: a number, a dot, a title. */
const NUMBERED = new RegExp(`^((?:[A-Z][A-Za-z]+\\s+)?(?:${ROMAN}|\\d{1,3}))\\.\\s+(\\S.*)$`)
/** A number alone: `IV`, `IV.`, `12`. */
const BARE = new RegExp(`^(${ROMAN}|\\d{1,3})\\.?$`)
const CONTENTS = /^(?:table of )?contents\.?:?$/i

const FRONT = new Set(['foreword', 'preface', 'introduction', 'dedication', "author's note", 'authors note'])
const BACK = new Set(['afterword', 'postscript'])

/** A heading line is short and does not end as a sentence's middle does. */
function headingLike(line: string): boolean {
  return line.length <= 80 && !/[,;]$/.test(line)
}

/** Mostly capitals, or most long words capitalised: how titles look. */
export function titleLike(text: string): boolean {
  if (text.length > 80 || /[,;]$/.test(text)) return false
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length === 0) return false
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length
  if (upper / letters.length >= 0.8) return true
  const words = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word))
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
  return words.length > 0 && capitalised / words.length >= 0.6 && text.split(/\s+/).length <= 10
}

/** One line as a heading, or undefined. */
export function headingOfLine(line: string): Heading | undefined {
  const text = line.trim()
  if (!headingLike(text) || text === '') return undefined
  if (CONTENTS.test(text)) return { kind: 'contents', shape: 'contents', title: text, label: text }
  const chapter = CHAPTER.exec(text)
  const labelled = chapter ?? PART.exec(text)
  if (labelled) {
    const rest = labelled[2]!.trim()
    // A sentence that starts with "Book one…" is not a heading: the rest must look like a title.
    if (rest !== '' && (rest.split(/\s+/).length > 12 || /[.!?]["')]?$/.test(rest) && !titleLike(rest))) return undefined
    const kind = chapter ? 'chapter' : 'part'
    return { kind, shape: kind === 'part' ? 'part' : 'labelled', title: text, label: labelled[1]!, subtitle: rest || undefined }
  }
  const named = NAMED.exec(text)
  if (named) {
    const word = named[1]!.toLowerCase()
    const rest = named[2]?.trim()
    if (rest && (rest.split(/\s+/).length > 12 || !titleLike(rest) && /[.!?]$/.test(rest))) return undefined
    const kind = FRONT.has(word) ? 'front' : BACK.has(word) ? 'back' : 'chapter'
    return { kind, shape: 'named', title: text, label: named[1]!, subtitle: rest || undefined }
  }
  const numbered = NUMBERED.exec(text)
  if (numbered && titleLike(numbered[2]!)) return { kind: 'chapter', shape: 'numbered', title: text, label: numbered[1]!, subtitle: numbered[2]! }
  const bare = BARE.exec(text)
  if (bare && bare[1] !== '') return { kind: 'chapter', shape: 'bare', title: text, label: bare[1]! }
  return undefined
}

/**
 * A block of one to three lines as a heading: the first line is one, and
 * what follows is its title on a line of its own (`CHAPTER I.` / `THE
 * BEGINNING`) or the rest of a title that ran on (`VIII. THE ADVENTURE OF
 * THE` / `SPECKLED BAND`).
 */
export function headingOfBlock(lines: string[]): Heading | undefined {
  if (lines.length === 0 || lines.length > 3) return undefined
  const first = headingOfLine(lines[0]!)
  if (!first || first.kind === 'contents') return lines.length === 1 ? first : undefined
  let heading = first
  for (const next of lines.slice(1).map((line) => line.trim())) {
    if (!titleLike(next) || headingOfLine(next)) return undefined
    heading = joinTitle(heading, next)
  }
  return heading
}

/** A heading and the title line that follows it, as one heading. */
export function joinTitle(heading: Heading, next: string): Heading {
  // A bare label (`Chapter 1`) gets its title after a colon; a label with its stop (`CHAPTER I.`) or a running title, after a space.
  const bareLabel = heading.subtitle === undefined && /[\p{L}\p{N}]$/u.test(heading.title)
  return {
    ...heading,
    title: bareLabel ? `${heading.title}: ${next}` : `${heading.title} ${next}`,
    subtitle: heading.subtitle ? `${heading.subtitle} ${next}` : next,
  }
}
