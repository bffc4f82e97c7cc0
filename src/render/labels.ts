import type { LabelKey } from '../load/label-keys.ts'
import { cs } from './labels/cs.ts'
import { de } from './labels/de.ts'
import { en } from './labels/en.ts'
import { es } from './labels/es.ts'
import { fr } from './labels/fr.ts'
import { it } from './labels/it.ts'
import { ja } from './labels/ja.ts'
import { nl } from './labels/nl.ts'
import { pl } from './labels/pl.ts'
import { pt } from './labels/pt.ts'
import { ru } from './labels/ru.ts'
import { sv } from './labels/sv.ts'
import { zhHant } from './labels/zh-hant.ts'
import { zh } from './labels/zh.ts'

/**
 * Every word colophon itself puts in a book, one table per language; a
 * language without a table falls back to English. `{…}` marks a value
 * filled in by `format`.
 */
export interface Labels {
  cover: string
  /** Alt text of a cover: `{title}`, `{authors}`. */
  coverAlt: string
  titlePage: string
  contents: string
  landmarks: string
  beginReading: string
  sceneBreak: string
  chapter: string
  authorsNote: string
  /** Accessible name of the author's note set before a chapter's text (`head-note.md`); it must differ from `authorsNote`. */
  authorsHeadNote: string
  by: string
  /** A contributor's credit by MARC relator code: `trl` → "Translated by". */
  roles: Record<string, string>
  and: string
  /** Accessible name of the title page's list of facts about the work. */
  workFacts: string
  summary: string
  fandoms: string
  rating: string
  warnings: string
  relationships: string
  characters: string
  tags: string
  series: string
  /** `{number}`, `{series}`. */
  seriesPart: string
  status: string
  complete: string
  inProgress: string
  words: string
  source: string
  contentWarnings: string
  contentWarningsIntro: string
  skipWarnings: string
  edition: string
  published: string
  publisher: string
  rights: string
  identifier: string
  /** `{generator}`. */
  madeWith: string
  note: string
  notes: string
  backToText: string
  /** The accessibility summary (schema:accessibilitySummary), sentence by sentence; `a11yImages`: `{count}`. */
  a11yText: string
  a11yImages: string
  a11yNoImages: string
  a11yFootnotes: string
  a11yChecked: string
  /** Titles of matter pages by kind: a file `01-dedication.md` is titled by `matter.dedication`. */
  matter: Record<MatterKind, string>
}

export type MatterKind =
  | 'disclaimer'
  | 'dedication'
  | 'epigraph'
  | 'foreword'
  | 'preface'
  | 'introduction'
  | 'prologue'
  | 'epilogue'
  | 'afterword'
  | 'acknowledgments'
  | 'about-the-author'
  | 'colophon'




const tables: Record<string, Labels> = { en, fr, de, es, it, pt, ru, pl, nl, sv, cs, ja, zh }

/** The languages with a table: Chinese in both scripts. */
export const LABEL_LANGUAGES: readonly string[] = [...Object.keys(tables), 'zh-Hant']

/** The table for a BCP 47 tag (Traditional Chinese by script or region), or undefined when there is none. */
export function labelTable(language: string): Labels | undefined {
  const subtags = language.toLowerCase().split(/[-_]/)
  const primary = subtags[0] ?? 'en'
  if (primary === 'zh' && (subtags.includes('hant') || (!subtags.includes('hans') && subtags.some((subtag) => ['tw', 'hk', 'mo'].includes(subtag))))) return zhHant
  return tables[primary]
}

/**
 * The words for a book: its language's table (English when there is none:
 * the build warns), with `labels:` from book.yaml laid over it, key by key.
 */
export function labelsFor(language: string, overrides?: Readonly<Partial<Record<LabelKey, string>>>): Labels {
  const table = labelTable(language) ?? en
  if (!overrides || Object.keys(overrides).length === 0) return table
  const labels: Labels = { ...table, roles: { ...table.roles }, matter: { ...table.matter } }
  for (const [key, value] of Object.entries(overrides) as Array<[LabelKey, string | undefined]>) {
    if (value === undefined) continue
    const [group, name] = key.split('.') as [string, string | undefined]
    if (name === undefined) (labels as unknown as Record<string, string>)[group] = value
    else if (group === 'roles') labels.roles[name] = value
    else labels.matter[name as MatterKind] = value
  }
  return labels
}

/** Fill `{name}` placeholders of a label. */
export function format(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** `A`, `A and B`, `A, B and C` in the book's language. */
export function listNames(names: string[], labels: Labels, language: string): string {
  // One name needs no list, and Intl.ListFormat's first use costs some 20 ms of loading locale data.
  if (names.length < 2) return names[0] ?? ''
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
  } catch {
    return `${names.slice(0, -1).join(', ')} ${labels.and} ${names.at(-1)}`
  }
}
