import type { Element } from 'hast'
import type { VFile } from 'vfile'
import { ARCHIVE_WARNINGS, RATINGS } from '../../load/metadata-schema.ts'
import type { ImportedMetadata } from '../types.ts'
import { languageTag } from '../language.ts'
import { count, report, textOf, textsOf } from './page.ts'

/**
 * A work's fields as Archive of Our Own shows them, on the work page
 * (`dl.work.meta.group`) or in its Download → HTML preface (`dl.tags`):
 * each with the element it was read from, for the messages.
 */
export interface Ao3Fields {
  rating?: Field<string[]>
  warnings?: Field<string[]>
  categories?: Field<string[]>
  fandoms?: Field<string[]>
  relationships?: Field<string[]>
  characters?: Field<string[]>
  tags?: Field<string[]>
  language?: Field<string>
  series?: Field<string>
  published?: Field<string>
  /** `Updated:` or `Completed:` and its date. */
  status?: Field<{ label: string; date: string }>
  words?: Field<string>
  chapters?: Field<string>
}

export interface Field<T> {
  value: T
  node: Element
}

/** The chapters a work has and will have: `3/3` is complete, `2/?` and `2/5` are not. */
export function chapterCounts(text: string): { done: number; total: number | undefined } | undefined {
  const [done, total] = text.split('/').map((part) => part.trim())
  const posted = count(done ?? '')
  if (posted === undefined) return undefined
  return { done: posted, total: count(total ?? '') }
}

/**
 * book.yaml's keys from the fields, each reported at its element. `whole`
 * says whether the page holds every chapter posted: a page of one chapter
 * of many does not give the work's word count as its own.
 */
export function fieldsToMetadata(fields: Ao3Fields, file: VFile, whole: boolean): ImportedMetadata {
  const metadata: ImportedMetadata = {}
  const found = (key: string, value: ImportedMetadata[string], node: Element, from: string): void => {
    metadata[key] = value
    report(file, `${key} from the work's ${from}`, node, `import-${key}`)
  }
  const rating = fields.rating?.value[0]
  if (fields.rating && rating) {
    if ((RATINGS as readonly string[]).includes(rating)) found('rating', rating, fields.rating.node, 'rating')
    else report(file, `rating \`${rating}\` left out: book.yaml takes one of ${RATINGS.join(', ')}`, fields.rating.node, 'import-rating')
  }
  if (fields.warnings) {
    const known = fields.warnings.value.filter((warning) => (ARCHIVE_WARNINGS as readonly string[]).includes(warning))
    if (known.length > 0) found('warnings', known, fields.warnings.node, 'archive warnings')
  }
  if (fields.fandoms?.value.length) found('fandoms', fields.fandoms.value, fields.fandoms.node, 'fandom tags')
  if (fields.relationships?.value.length) found('relationships', fields.relationships.value, fields.relationships.node, 'relationship tags')
  if (fields.characters?.value.length) found('characters', fields.characters.value, fields.characters.node, 'character tags')
  // book.yaml has no key for AO3's category (F/M, Gen …): it leads the tags, so readers still see it.
  const tags = [...(fields.categories?.value ?? []), ...(fields.tags?.value ?? [])]
  if (tags.length > 0) {
    if (fields.categories?.value.length) report(file, `category ${fields.categories.value.map((name) => `\`${name}\``).join(', ')} kept as tags (book.yaml has no category key)`, fields.categories.node, 'import-tags')
    found('tags', tags, (fields.tags ?? fields.categories)!.node, 'additional tags')
  }
  if (fields.language) {
    const tag = languageTag(fields.language.value)
    if (tag) found('language', tag, fields.language.node, `language \`${fields.language.value}\``)
    else report(file, `language \`${fields.language.value}\` not recognised; set \`language\` in book.yaml`, fields.language.node, 'import-language')
  }
  if (fields.series) {
    const series = parseSeries(fields.series.value)
    if (series) found('series', series, fields.series.node, 'series')
  }
  if (fields.published) found('date', fields.published.value, fields.published.node, 'published date')
  if (fields.status && fields.status.value.label.toLowerCase().startsWith('updated')) {
    report(file, `updated ${fields.status.value.date} not kept: book.yaml's \`date\` is the date first published`, fields.status.node, 'import-date')
  }
  const chapters = fields.chapters ? chapterCounts(fields.chapters.value) : undefined
  if (fields.chapters && chapters) {
    const complete = chapters.total !== undefined && chapters.done >= chapters.total
    found('status', complete ? 'complete' : 'in-progress', fields.chapters.node, `chapter count ${fields.chapters.value}`)
  } else if (fields.status?.value.label.toLowerCase().startsWith('completed')) {
    found('status', 'complete', fields.status.node, 'completed date')
  }
  if (fields.words) {
    const words = count(fields.words.value)
    if (words !== undefined && whole) found('words', words, fields.words.node, 'word count')
    else if (words !== undefined) report(file, `words ${fields.words.value} not kept: the page holds part of the work, so the book's own count is given`, fields.words.node, 'import-words')
  }
  return metadata
}

/** `Part 2 of Name` → `{ name, number }` (the first series, when a work is in several). */
export function parseSeries(text: string): { name: string; number?: number } | undefined {
  const first = text.split(/,\s*Part\s/)[0]!.trim()
  const match = /^Part\s+(\d+)\s+of\s+(.+)$/i.exec(first)
  if (match) return { name: match[2]!.trim(), number: Number(match[1]) }
  return first ? { name: first } : undefined
}

/** AO3's dt label (`Archive Warnings:`, `Additional Tags:`) → the field it names. */
export function fieldName(label: string): keyof Ao3Fields | undefined {
  const key = label.replace(/:\s*$/, '').trim().toLowerCase()
  const names: Record<string, keyof Ao3Fields> = {
    rating: 'rating',
    ratings: 'rating',
    'archive warning': 'warnings',
    'archive warnings': 'warnings',
    category: 'categories',
    categories: 'categories',
    fandom: 'fandoms',
    fandoms: 'fandoms',
    relationship: 'relationships',
    relationships: 'relationships',
    character: 'characters',
    characters: 'characters',
    'additional tag': 'tags',
    'additional tags': 'tags',
    freeform: 'tags',
    freeforms: 'tags',
    language: 'language',
    series: 'series',
  }
  return names[key]
}

/**
 * The work's title and author as both AO3 layouts print them (a work page's
 * `h2.title`, the download's `h1`; the `.byline` with one `a[rel=author]`
 * per author, else its text less a leading "by"), into `metadata`, each
 * reported at its element.
 */
export function titleAndAuthor(metadata: ImportedMetadata, file: VFile, titleElement: Element | undefined, byline: Element | undefined): void {
  const title = textOf(titleElement)
  if (title) {
    metadata['title'] = title
    report(file, `title \`${title}\``, titleElement, 'import-title')
  }
  const authors = byline ? textsOf('a[rel=author]', byline) : []
  const name = authors.length === 1 ? authors[0]! : authors.length > 1 ? authors : textOf(byline).replace(/^by\s+/i, '')
  if (name.length > 0) {
    metadata['author'] = name
    report(file, `author \`${Array.isArray(name) ? name.join(', ') : name}\` from the byline`, byline, 'import-author')
  }
}
