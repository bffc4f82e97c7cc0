import { isLangCode } from 'is-language-code'
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml'
import type { VFile } from 'vfile'
import { z } from 'zod'
import { placeOf, type Place } from './place.ts'
import { codePointName, FORBIDDEN_XML_CHARS } from './xml-chars.ts'

const author = z.strictObject({
  name: z.string().min(1),
  'file-as': z.string().min(1).optional(),
  role: z.string().regex(/^[a-z]{3}$/, 'a MARC relator code such as aut, edt or trl').default('aut'),
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

const names = z.array(z.string().min(1))

/** The schema of `book.yaml`; keys are kebab-case as a writer types them. */
export const metadataSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  'sort-title': z.string().min(1).optional(),
  author: z.union([z.string().min(1), author, z.array(z.union([z.string().min(1), author])).min(1)]),
  language,
  identifier: z.string().min(1).optional(),
  date: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  description: z.string().optional(),
  subjects: names.optional(),
  publisher: z.string().min(1).optional(),
  rights: z.string().min(1).optional(),
  order: z
    .strictObject({ front: names.optional(), chapters: names.optional(), back: names.optional() })
    .optional(),
})

export interface Author {
  name: string
  fileAs?: string
  role: string
}

/** The one typed record of the book's metadata. */
export interface Metadata {
  title: string
  subtitle?: string
  sortTitle?: string
  authors: Author[]
  language: string
  /** As given in book.yaml; `undefined` means the package stage derives one. */
  identifier?: string
  date?: string
  description?: string
  subjects: string[]
  publisher?: string
  rights?: string
  order: { front?: string[]; chapters?: string[]; back?: string[] }
}

/**
 * Parse and validate `book.yaml`. Every problem becomes a fatal message on
 * `file` at the YAML node it concerns; returns `undefined` when there was one.
 */
export function parseMetadata(file: VFile): Metadata | undefined {
  const lines = new LineCounter()
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): Place => placeOf(lines, offset)

  for (const error of doc.errors) {
    fatal(file, `Invalid YAML: ${error.message.split('\n')[0]}`, { start: at(error.pos[0]), end: at(error.pos[1]) }, 'yaml')
  }
  if (doc.errors.length > 0) return undefined

  // YAML escapes (`"\x01"`, `"\uD800"`) can spell characters no XML file may hold.
  let forbidden = false
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return
      const match = new RegExp(FORBIDDEN_XML_CHARS.source).exec(node.value)
      if (!match) return
      forbidden = true
      const reason = `Unexpected character ${codePointName(match[0])} in a value, which XML does not allow; expected text without control characters`
      fatal(file, reason, { start: at(node.range[0]), end: at(node.range[1]) }, 'forbidden-character')
    },
  })
  if (forbidden) return undefined

  const result = metadataSchema.safeParse(doc.toJS() ?? {})
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = locate(doc.contents, issue, at)
      fatal(file, describe(issue), where, 'schema')
    }
    return undefined
  }
  const data = result.data
  const authors = (Array.isArray(data.author) ? data.author : [data.author]).map((entry) =>
    typeof entry === 'string'
      ? { name: entry, role: 'aut' }
      : { name: entry.name, fileAs: entry['file-as'], role: entry.role },
  )
  return {
    title: data.title,
    subtitle: data.subtitle,
    sortTitle: data['sort-title'],
    authors,
    language: Intl.getCanonicalLocales(data.language)[0] ?? data.language,
    identifier: data.identifier,
    date: data.date,
    description: data.description,
    subjects: data.subjects ?? [],
    publisher: data.publisher,
    rights: data.rights,
    order: data.order ?? {},
  }
}

type Issue = z.core.$ZodIssue

function describe(issue: Issue): string {
  const key = issue.path.join('.') || 'book.yaml'
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path)
    return issue.keys
      .map((name) => {
        const guess = closest(name, known)
        return `Unexpected key \`${name}\`${guess ? `, did you mean \`${guess}\`?` : `, expected one of ${known.join(', ')}`}`
      })
      .join('; ')
  }
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return `Missing \`${key}\`, expected ${issue.expected === 'string' ? 'a value' : `a ${issue.expected}`}`
  }
  return `Unexpected value for \`${key}\`: ${issue.message}`
}

function knownKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(metadataSchema.shape)
  if (path[0] === 'order') return ['front', 'chapters', 'back']
  if (path[0] === 'author') return ['name', 'file-as', 'role']
  return []
}

/** The known key nearest to a misspelt one, if it is close enough to be a typo. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = levenshtein(name.toLowerCase(), candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** Find the YAML node an issue is about: the value, the offending key, or the nearest parent. */
function locate(root: unknown, issue: Issue, at: (offset: number) => Place): { start: Place; end: Place } {
  let node = root as YamlNode | null
  let keyNode: YamlNode | undefined
  for (const segment of issue.path) {
    if (!isMap(node) && !(node && 'items' in node)) break
    const items = (node as { items: unknown[] }).items
    const next = isMap(node)
      ? node.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === segment)
      : items[Number(segment)]
    if (!next) break
    if (isPair(next)) {
      keyNode = next.key as YamlNode
      node = (next.value as YamlNode | null) ?? keyNode
    } else {
      node = next as YamlNode
    }
  }
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)))
    if (pair && isScalar(pair.key)) node = pair.key
  }
  const range = node?.range ?? keyNode?.range ?? [0, 0]
  return { start: at(range[0]), end: at(range[1]) }
}

function fatal(file: VFile, reason: string, place: { start: Place; end: Place }, rule: string): void {
  const message = file.message(reason, { place, ruleId: rule, source: 'colophon-metadata' })
  message.fatal = true
}
