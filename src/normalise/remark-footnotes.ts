import type { Processor } from 'unified'

declare module 'unified' {
  interface Data {
    /** GFM footnotes wanted: their syntax loads with the CommonMark parser (`parse/load-commonmark.ts`). */
    gfmFootnotes?: boolean
  }
}

/**
 * Markdown footnotes (`text[^1]` and `[^1]: the note`), GFM's syntax, and
 * nothing else of GFM: its strikethrough would read the `~*~` scene-break
 * marker writers use as markup. Only a text that is not plain prose reaches
 * the parser that reads them, so they are asked for here and made there.
 */
export function remarkFootnotes(this: Processor): void {
  this.data().gfmFootnotes = true
}
