/**
 * Authors' notes and disclaimers in a chapter's run of paragraphs, as fan
 * fiction writers type them: `A/N:`, `AN:`, `Author's Note(s):`, `Note:` at
 * the start of a chapter (its head note) or at its end (its end note).
 * The one rule for what opens a note or a disclaimer, shared by every
 * reader (the DOCX and EPUB block readers use `isNoteStart` and
 * `isDisclaimer`); `placeNotes` is the plain-text and Markdown readers',
 * which cut their texts into the same units first.
 */

import type { LineOrigins } from './source-map.ts'

/** A paragraph or a scene break, with its place in the source. */
export interface Unit {
  kind: 'para' | 'break'
  /** The paragraph's text (Markdown for the Markdown reader, plain for text); the marker for a break. */
  text: string
  line: number
  column: number
  /** Where each line of `text` came from, when not line by line from `line` on (plain text's joined lines). */
  lines?: LineOrigins
}

const NOTE = /^[([*_]*\s*(?:A\/N|A\. ?N\.|Author['’]?s['’]?\s+Notes?|Authors?['’]?\s+Notes?|Notes?)\b[*_]*\s*\d*\s*(?:[:\-–—.)\]]|$)/i
/** `AN:` only in capitals with its colon: "An: …" starts no sentence, but "an" is a word. */
const AN = /^[([*_]*\s*AN[*_]*\s*[:\-–—]/
const DISCLAIMER = /^[([*_]*\s*Disclaimer\b/i

export function isNoteStart(text: string): boolean {
  return NOTE.test(text) || AN.test(text)
}

export function isDisclaimer(text: string): boolean {
  return DISCLAIMER.test(text)
}

export interface PlacedNotes {
  head?: Unit[]
  body: Unit[]
  end?: Unit[]
}

/** How far a head note may run before the break that ends it, and how near the end an end note starts. */
const HEAD_NOTE_REACH = 6
const END_NOTE_REACH = 8

/**
 * A chapter's units split into head note, story and end note. A head note
 * is the first paragraph when it starts as a note (or a disclaimer: each
 * chapter of a fan fiction may repeat one; the first chapter's becomes the
 * book's page before this runs), with the note and
 * disclaimer paragraphs right after it, and the scene break that fences it
 * off when there is one. (A note's second paragraph that does not start as
 * a note cannot be told from the story's first: it stays story.) An end note starts at a note paragraph among the last few after
 * the chapter's last scene break, and runs to the end. The story keeps at
 * least one paragraph: a chapter that is all note stays story.
 */
export function placeNotes(units: Unit[]): PlacedNotes {
  let body = units
  let head: Unit[] | undefined
  let end: Unit[] | undefined
  const first = body[0]
  if (first?.kind === 'para' && (isNoteStart(first.text) || isDisclaimer(first.text))) {
    // The note runs on through paragraphs that are notes too, and takes the break that fences it off.
    let cut = 1
    while (cut < HEAD_NOTE_REACH && body[cut]?.kind === 'para' && (isNoteStart(body[cut]!.text) || isDisclaimer(body[cut]!.text))) cut++
    const rest = body.slice(body[cut]?.kind === 'break' ? cut + 1 : cut)
    if (rest.some((unit) => unit.kind === 'para')) {
      head = body.slice(0, cut)
      body = rest
    }
  }
  let lastBreak = -1
  body.forEach((unit, index) => {
    if (unit.kind === 'break') lastBreak = index
  })
  const from = Math.max(lastBreak + 1, body.length - END_NOTE_REACH, 1)
  const at = body.findIndex((unit, index) => index >= from && unit.kind === 'para' && isNoteStart(unit.text))
  if (at > 0) {
    end = body.slice(at)
    // The break that fenced the note off goes with it.
    body = body.slice(0, body[at - 1]?.kind === 'break' ? at - 1 : at)
  }
  if (!body.some((unit) => unit.kind === 'para')) return { body: units }
  return { head, body, end }
}
