import type { Element, ElementContent } from 'hast'

/**
 * One block of a DOCX or EPUB document as the structure finders see it: a
 * paragraph, heading, quotation, list or table (its hast, as mammoth or the
 * XHTML gave it), with what it shows and where it came from, so that every
 * guess can name its place (`word/document.xml, paragraph 41`).
 */
export interface Block {
  node: Element
  /** Visible text, white space collapsed. */
  text: string
  /** The part and element, for messages. */
  where: string
  /** Centred (`w:jc="center"`, `text-align: center`, a `center` class). */
  centred: boolean
  /** All its text bold. */
  bold: boolean
  /** All its text italic. */
  italic: boolean
  /** 1–6 for a heading (a DOCX Heading style, `h1`–`h6`). */
  heading?: number
  /** A DOCX title-page style: pandoc's and Word's `Title`, `Subtitle`, `Author`, `Date`, `Abstract`. */
  role?: 'title' | 'subtitle' | 'author' | 'date' | 'abstract'
  /** A horizontal rule (`<hr>`, Word's drawn line). */
  rule: boolean
  /** The `id`s that point into it (its own, its descendants', a section's it opens), for links into a document. */
  ids?: string[]
  /** Footnotes its text cites (a marker in the text stands for each), written after it as `[^label]: …`. */
  notes?: Array<{ label: string; body: ElementContent[] }>
}
