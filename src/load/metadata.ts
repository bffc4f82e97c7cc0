import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml'
import type { VFile } from 'vfile'
import type { $ZodIssue } from 'zod/v4/core'
import { metadataSchema, nestedKeys, type ARCHIVE_WARNINGS, type RATINGS } from './metadata-schema.ts'
import { isBlank } from './chapter-meta.ts'
import { FOREIGN_KEYS, foreignKeyHint } from './foreign-keys.ts'
import { placeOf, type Place } from './place.ts'
import type { LabelKey } from './label-keys.ts'
import { toPlain } from './yaml-plain.ts'
import { codePointName, FORBIDDEN_XML_CHARS } from './xml-chars.ts'

export { metadataSchema } from './metadata-schema.ts'

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
  /** Canonical (`urn:uuid:…`, `urn:isbn:…`, URL); `undefined` means the package stage derives one. */
  identifier?: string
  date?: string
  edition?: string
  /** Markdown, as written. */
  description?: string
  /** Where the description's value starts in book.yaml: what is removed from it is reported there. */
  descriptionPlace?: Place
  subjects: string[]
  publisher?: string
  rights?: string
  /** Alt text of a given cover; a drawn cover's alt text says its own title and authors. */
  coverAlt?: string
  series?: { name: string; number?: number }
  fanfiction: FanFiction
  order: { front?: string[]; chapters?: string[]; back?: string[] }
  /** `dialogue-dashes`: a paragraph opened by `- ` is dialogue; absent: the language's default. */
  dialogueDashes?: boolean
  /** `quotes: guillemets`: » « in a German book. */
  quotes?: 'default' | 'guillemets'
  /** `labels`: words colophon writes, overriding the language's table. */
  labels?: Partial<Record<LabelKey, string>>
}

/** What Archive of Our Own and FanFicFare put on a work's preface. */
export interface FanFiction {
  fandoms: string[]
  rating?: (typeof RATINGS)[number]
  warnings: Array<(typeof ARCHIVE_WARNINGS)[number]>
  relationships: string[]
  characters: string[]
  /** Additional tags. */
  tags: string[]
  /** Where the work was first published. */
  source?: string
  status?: 'complete' | 'in-progress'
  /** As given; the render stage counts the text when absent. */
  words?: number
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

  const plain = toPlain(doc)
  if ('problem' in plain) {
    fatal(file, plain.problem, { start: at(plain.offset), end: at(plain.offset) }, 'yaml')
    return undefined
  }
  const given: unknown = plain.value
  const result = metadataSchema.safeParse(given ?? {})
  if (!result.success) {
    // `lang: en` is answered with "did you mean `language`?"; "Missing `language`" would say it twice.
    const values = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>
    const answered = new Set(Object.keys(values).flatMap((name) => (Object.hasOwn(FOREIGN_KEYS, name) ? [FOREIGN_KEYS[name]!.key] : [])))
    const issues = result.error.issues
      .flatMap(unwrapUnion)
      .flatMap(eachKey)
      .filter((issue) => !(issue.path.length === 1 && answered.has(String(issue.path[0])) && values[String(issue.path[0])] === undefined))
    const located = issues.map((issue) => ({ issue, where: locate(doc.contents, issue, at) }))
    located.sort((a, b) => a.where.start.offset - b.where.start.offset)
    for (const { issue, where } of located) fatal(file, describe(issue), where, 'schema')
    return undefined
  }
  const data = result.data
  // A title or name of nothing but spaces or invisible characters shows as nothing.
  let blank = false
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !['title', 'name', 'author'].includes(String(pair.key.value))) return
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && isBlank(pair.value.value)) {
        blank = true
        const range = pair.value.range ?? [0, 0]
        fatal(file, `Unexpected blank \`${String(pair.key.value)}\`, expected visible text`, { start: at(range[0]), end: at(range[1]) }, 'schema')
      }
    },
  })
  if (blank) return undefined
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
    edition: data.edition,
    description: data.description?.trim() ? data.description : undefined,
    descriptionPlace: valuePlace(doc, 'description', at),
    subjects: data.subjects ?? [],
    publisher: data.publisher,
    rights: data.rights,
    coverAlt: data['cover-alt'],
    dialogueDashes: data['dialogue-dashes'],
    quotes: data.quotes,
    labels: data.labels as Partial<Record<LabelKey, string>> | undefined,
    series: data.series,
    fanfiction: {
      fandoms: data.fandoms ?? [],
      rating: data.rating,
      warnings: data.warnings ?? [],
      relationships: data.relationships ?? [],
      characters: data.characters ?? [],
      tags: data.tags ?? [],
      source: data.source,
      status: data.status,
      words: data.words,
    },
    order: data.order ?? {},
  }
}

type Issue = $ZodIssue

/**
 * A union's own issue says only which forms were possible. When one form
 * matched the value's type and failed inside it (a misspelt key in an
 * author object), that form's issues say more: report those instead.
 */
function unwrapUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue]
  const inner = issue.errors.find(
    (branch) => branch.length > 0 && branch.every((sub) => sub.path.length > 0 || (sub.code !== 'invalid_type' && sub.code !== 'invalid_value')),
  )
  if (!inner) return [issue]
  return inner.flatMap((sub) => unwrapUnion({ ...sub, path: [...issue.path, ...sub.path] } as Issue))
}

function describe(issue: Issue): string {
  const key = issue.path.join('.') || 'book.yaml'
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path)
    return issue.keys
      .map((name) => {
        const foreign = issue.path.length === 0 ? foreignKeyHint(name) : undefined
        if (foreign) return foreign
        const guess = closest(name, known)
        return `Unexpected key \`${name}\`${guess ? `, did you mean \`${guess}\`?` : `, expected one of ${known.join(', ')}`}`
      })
      .join('; ')
  }
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return `Missing \`${key}\`, expected ${issue.expected === 'string' ? 'a value' : `a ${issue.expected}`}`
  }
  // Our own messages name the expected form ("a BCP 47 language tag …"); zod's say what went wrong.
  return /^[a-z]/.test(issue.message)
    ? `Unexpected value for \`${key}\`, expected ${issue.message}`
    : `Unexpected value for \`${key}\`: ${issue.message}`
}

/** One issue per unexpected key, so that each is reported at its own line. */
function eachKey(issue: Issue): Issue[] {
  if (issue.code !== 'unrecognized_keys' || issue.keys.length < 2) return [issue]
  return issue.keys.map((key) => ({ ...issue, keys: [key] }))
}

function knownKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(metadataSchema.shape)
  return nestedKeys[String(path[0])] ?? []
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

/** Where the value of the top-level `key` starts, if book.yaml has it. */
function valuePlace(doc: ReturnType<typeof parseDocument>, key: string, at: (offset: number) => Place): Place | undefined {
  const node = doc.get(key, true) as YamlNode | undefined
  return node?.range ? at(node.range[0]) : undefined
}
