import { checkLanguageTag } from './language-tag.ts'
import { LABEL_KEYS } from './label-keys.ts'
import * as z from '../zod.ts'
import { canonicalIdentifier } from './identifier.ts'
import { bookDate, DATE_FORMS } from './book-date.ts'

/**
 * The schema of `book.yaml`. Keys are kebab-case as a writer types them;
 * every rule carries the expected form, which the parser prints at the
 * YAML line and column of the value that broke it.
 */

const text = z.string().check(z.trim(), z.minLength(1, 'a non-empty text'))

/** A single name or a list of them: `fandoms: Star Trek` reads as well as a list. */
const names = z.pipe(
  z.union([text, z.array(text).check(z.minLength(1))], { error: 'a text or a list of texts' }),
  z.transform((value: string | string[]) => (Array.isArray(value) ? value : [value])),
)

const author = z.strictObject({
  name: text,
  'file-as': z.optional(text),
  role: z._default(
    z.string().check(z.regex(/^[a-z]{3}$/, 'a MARC relator code such as aut (author), edt (editor), trl (translator) or ill (illustrator)')),
    'aut',
  ),
})

/** `1813`, `2013-05`, `2013-05-20` or a timestamp; anything else names the forms it expects. */
const date = z.pipe(
  z.custom<unknown>((value) => bookDate(value) !== undefined, { error: DATE_FORMS }),
  z.transform((value: unknown) => bookDate(value) as string),
)

/** A well-formed BCP 47 tag whose subtags are in the IANA registry (`english`, `en_GB`, `xx` are not). */
const language = z.string().check(
  z.superRefine((tag: string, context) => {
    const checked = checkLanguageTag(tag)
    let canonical = false
    try {
      canonical = Intl.getCanonicalLocales(tag).length === 1
    } catch {
      canonical = false
    }
    if (!checked.res || !canonical) {
      const why = checked.message ? ` (${checked.message.replace(/\.$/, '').toLowerCase()})` : ''
      context.addIssue({ code: 'custom', message: `\`${tag}\` is not a BCP 47 language tag${why}, expected one such as en, en-GB or fr` })
    }
  }),
)

const identifier = z.pipe(
  z.string().check(
    z.refine((value: string) => canonicalIdentifier(value) !== undefined, 'a UUID (urn:uuid:…), an ISBN with a valid check digit (urn:isbn:978…) or an https URL'),
  ),
  z.transform((value: string) => canonicalIdentifier(value) as string),
)

const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://archiveofourown.org/works/123' })

export const RATINGS = [
  'General Audiences',
  'Teen And Up Audiences',
  'Mature',
  'Explicit',
  'Not Rated',
  // FanFiction.net's ratings, for stories that come from there.
  'K',
  'K+',
  'T',
  'M',
] as const

/** Archive of Our Own's archive warnings, the closed set readers filter on. */
export const ARCHIVE_WARNINGS = [
  'Creator Chose Not To Use Archive Warnings',
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'No Archive Warnings Apply',
  'Rape/Non-Con',
  'Underage Sex',
] as const

const warning = z.enum(ARCHIVE_WARNINGS, { error: `one of ${ARCHIVE_WARNINGS.join(', ')}` })
type Warning = (typeof ARCHIVE_WARNINGS)[number]

const series = z.union(
  [
    z.pipe(text, z.transform((name: string) => ({ name, number: undefined as number | undefined }))),
    z.strictObject({ name: text, number: z.optional(z.number().check(z.positive('a positive number such as 1 or 2.5'))) }),
  ],
  { error: 'a series name, or { name: "Series", number: 2 }' },
)

export const metadataSchema = z.strictObject({
  title: text,
  subtitle: z.optional(text),
  'sort-title': z.optional(text),
  author: z.union([text, author, z.array(z.union([text, author])).check(z.minLength(1))], {
    error: 'a name, or a list of names or of { name, role, file-as }',
  }),
  language,
  identifier: z.optional(identifier),
  date: z.optional(date),
  edition: z.optional(text),
  description: z.optional(z.string()),
  subjects: z.optional(names),
  publisher: z.optional(text),
  rights: z.optional(text),
  /** What the manuscript's own cover.jpg/png shows, for readers who cannot see it. */
  'cover-alt': z.optional(text),
  series: z.optional(series),
  // Fan fiction, as Archive of Our Own and FanFicFare name it.
  fandoms: z.optional(names),
  rating: z.optional(z.enum(RATINGS, { error: `one of ${RATINGS.join(', ')}` })),
  warnings: z.optional(
    z.pipe(
      z.union([warning, z.array(warning).check(z.minLength(1))], { error: `one or a list of ${ARCHIVE_WARNINGS.join(', ')}` }),
      z.transform((value: Warning | Warning[]) => (Array.isArray(value) ? value : [value])),
    ),
  ),
  relationships: z.optional(names),
  characters: z.optional(names),
  tags: z.optional(names),
  source: z.optional(url),
  status: z.optional(z.enum(['complete', 'in-progress'], { error: 'complete or in-progress' })),
  words: z.optional(z.number().check(z.int('a whole number'), z.nonnegative('a whole number'))),
  /** Whether a paragraph opened by `- ` is dialogue (not a list item); the language's default when absent. */
  /** Words colophon writes, by name (`contents`, `matter.dedication`): they override the language's table. */
  labels: z.optional(z.strictObject(Object.fromEntries(LABEL_KEYS.map((key) => [key, z.optional(text)])))),
  /** `guillemets`: » « in a German book instead of „ “. */
  quotes: z.optional(z.enum(['default', 'guillemets'], { error: 'default or guillemets' })),
  'dialogue-dashes': z.optional(z.boolean({ error: 'true or false' })),
  order: z.optional(z.strictObject({ front: z.optional(z.array(text)), chapters: z.optional(z.array(text)), back: z.optional(z.array(text)) })),
})

/** Keys allowed in each nested object, for "did you mean". */
export const nestedKeys: Record<string, string[]> = {
  labels: [...LABEL_KEYS],
  order: ['front', 'chapters', 'back'],
  author: ['name', 'file-as', 'role'],
  series: ['name', 'number'],
}

export type MetadataInput = z.output<typeof metadataSchema>
