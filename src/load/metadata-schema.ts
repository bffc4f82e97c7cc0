import { isLangCode } from 'is-language-code'
import { z } from 'zod'
import { canonicalIdentifier } from './identifier.ts'

/**
 * The schema of `book.yaml`. Keys are kebab-case as a writer types them;
 * every rule carries the expected form, which the parser prints at the
 * YAML line and column of the value that broke it.
 */

const text = z.string().trim().min(1, 'a non-empty text')

/** A single name or a list of them: `fandoms: Star Trek` reads as well as a list. */
const names = z
  .union([text, z.array(text).min(1)], { error: 'a text or a list of texts' })
  .transform((value) => (Array.isArray(value) ? value : [value]))

const author = z.strictObject({
  name: text,
  'file-as': text.optional(),
  role: z
    .string()
    .regex(/^[a-z]{3}$/, 'a MARC relator code such as aut (author), edt (editor), trl (translator) or ill (illustrator)')
    .default('aut'),
})

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')

/** A well-formed BCP 47 tag whose subtags are in the IANA registry (`english`, `en_GB`, `xx` are not). */
const language = z.string().superRefine((tag, context) => {
  const checked = isLangCode(tag)
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
})

const identifier = z
  .string()
  .transform((value, context) => {
    const canonical = canonicalIdentifier(value)
    if (!canonical) {
      context.addIssue({
        code: 'custom',
        message: 'a UUID (urn:uuid:…), an ISBN with a valid check digit (urn:isbn:978…) or an https URL',
      })
      return z.NEVER
    }
    return canonical
  })

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

const series = z.union(
  [
    text.transform((name) => ({ name, number: undefined })),
    z.strictObject({ name: text, number: z.number().positive('a positive number such as 1 or 2.5').optional() }),
  ],
  { error: 'a series name, or { name: "Series", number: 2 }' },
)

export const metadataSchema = z.strictObject({
  title: text,
  subtitle: text.optional(),
  'sort-title': text.optional(),
  author: z.union([text, author, z.array(z.union([text, author])).min(1)], {
    error: 'a name, or a list of names or of { name, role, file-as }',
  }),
  language,
  identifier: identifier.optional(),
  date: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  edition: text.optional(),
  description: z.string().optional(),
  subjects: names.optional(),
  publisher: text.optional(),
  rights: text.optional(),
  /** What the manuscript's own cover.jpg/png shows, for readers who cannot see it. */
  'cover-alt': text.optional(),
  series: series.optional(),
  // Fan fiction, as Archive of Our Own and FanFicFare name it.
  fandoms: names.optional(),
  rating: z.enum(RATINGS, { error: `one of ${RATINGS.join(', ')}` }).optional(),
  warnings: z
    .union([warning, z.array(warning).min(1)], {
      error: `one or a list of ${ARCHIVE_WARNINGS.join(', ')}`,
    })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  relationships: names.optional(),
  characters: names.optional(),
  tags: names.optional(),
  source: url.optional(),
  status: z.enum(['complete', 'in-progress'], { error: 'complete or in-progress' }).optional(),
  words: z.number().int('a whole number').nonnegative('a whole number').optional(),
  order: z
    .strictObject({ front: z.array(text).optional(), chapters: z.array(text).optional(), back: z.array(text).optional() })
    .optional(),
})

/** Keys allowed in each nested object, for "did you mean". */
export const nestedKeys: Record<string, string[]> = {
  order: ['front', 'chapters', 'back'],
  author: ['name', 'file-as', 'role'],
  series: ['name', 'number'],
}

export type MetadataInput = z.output<typeof metadataSchema>
