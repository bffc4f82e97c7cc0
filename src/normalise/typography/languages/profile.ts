/**
 * What one language's typesetting asks of typed text, as data. The rules
 * under `rules/local/` read these fields; a language is a table row here,
 * not a branch in a rule. Sources are named per row in `table.ts`.
 */
/** An opening and a closing mark. */
export type Pair = readonly [string, string]

export interface LanguageProfile {
  /** The tag the row is for (`fr-CH`), or `und` for the neutral set. */
  readonly tag: string
  /** Marks for a quotation, and for one inside it: `[open, close]`. */
  readonly quotes: { readonly primary: Pair; readonly secondary: Pair; readonly single?: Pair }
  /**
   * Pairs of marks a writer may have typed already (`„“`, `«»`): kept as
   * typed, and counted so a straight quote after them is decided right.
   */
  readonly typed: readonly string[]
  /** Words that begin with an elided letter, so a `'` before them is an apostrophe (Dutch `'s`, `'t`). */
  readonly elisions?: readonly string[]
  /** The marks `quotes: guillemets` picks instead (German books set » « as often as „ “, Duden). */
  readonly guillemets?: { readonly primary: Pair; readonly secondary: Pair }
  /** A space set inside the primary marks (French « »), or none. */
  readonly quoteSpace?: string
  /** The space set before each of these punctuation marks (French `;` `!` `?`, `:`). */
  readonly punctuationSpaces?: Readonly<Record<string, string>>
  /** The dash a paragraph of dialogue opens with, and the space after it. */
  readonly dialogue?: { readonly dash: string; readonly space: string }
  /**
   * A dash in a sentence: its glyph, the space before and after it
   * (`raya`: Spanish, attached to the words it encloses). Dialogue
   * paragraphs use the dialogue dash in mid-sentence too.
   */
  readonly dash: { readonly glyph: string; readonly before: string; readonly after: string } | 'raya' | 'cjk'
  /** Whether this language's writers type dialogue with a leading dash (the parser then reads `- ` as dialogue, not a list). */
  readonly dialogueDashes: boolean
  /** One-letter words bound to the next word with a no-break space (Polish, Czech, Russian). */
  readonly boundWords?: string
  /** Abbreviations tied to the next word with this space: `M.`, `Mme`, `z. B.`, `т. д.`. */
  readonly abbreviations?: { readonly words: readonly string[]; readonly space: string }
  /** Initials bound to each other and to the surname (`А. С. Пушкин`). */
  readonly initials?: boolean
  /** The ellipsis attached to the word before it, a space typed between removed (French). */
  readonly ellipsisAttached?: boolean
  /** Hours and minutes with `h` (`20 h 30`), tied with no-break spaces. */
  readonly hourSpaces?: boolean
  /** The mark that opens a paragraph continuing a quotation (Spanish »), else the primary opening mark. */
  readonly continuation?: string
  /** Whether this is English, set by the Standard Ebooks preset rather than by these fields. */
  readonly english?: boolean
  /** Chinese or Japanese: full-width punctuation, `——`, `……`. `ja` uses 、 and 。. */
  readonly cjk?: 'ja' | 'zh'
}
