/**
 * Keys that pandoc and calibre use in their metadata, and what colophon
 * calls the same thing. They are not accepted as second names (see
 * docs/decisions/0027-answer-other-tools-keys.md): each is answered at its
 * line and column with the one key to write instead.
 */
export interface ForeignKey {
  /** The tool that uses the key. */
  tool: 'pandoc' | 'calibre'
  /** colophon's key for the same thing; none when the manuscript says it another way. */
  key?: string
  /** What to write instead, when it is more than the key's new name. */
  how?: string
}

const renamed = (tool: ForeignKey['tool'], key: string, how?: string): ForeignKey => ({ tool, key, how })

export const FOREIGN_KEYS: Readonly<Record<string, ForeignKey>> = {
  lang: renamed('pandoc', 'language', '`language: en` (a BCP 47 tag)'),
  abstract: renamed('pandoc', 'description'),
  keywords: renamed('pandoc', 'subjects'),
  subject: renamed('pandoc', 'subjects'),
  creator: renamed('pandoc', 'author', '`author:` with a name, or { name, role, file-as } for a role other than aut'),
  contributor: renamed('pandoc', 'author', '`author:` with { name, role } and a MARC role such as edt, trl or ill'),
  'cover-image': { tool: 'pandoc', how: 'the cover as cover.jpg or cover.png in the manuscript folder (and `cover-alt:` saying what it shows)' },
  'belongs-to-collection': renamed('pandoc', 'series'),
  'group-position': renamed('pandoc', 'series', '`series: { name: "Series", number: 2 }`'),
  authors: renamed('calibre', 'author', '`author:` with a name or a list of names'),
  author_sort: renamed('calibre', 'author', '`author: { name: "Name Surname", file-as: "Surname, Name" }`'),
  title_sort: renamed('calibre', 'sort-title'),
  series_index: renamed('calibre', 'series', '`series: { name: "Series", number: 2 }`'),
  pubdate: renamed('calibre', 'date'),
  comments: renamed('calibre', 'description'),
  languages: renamed('calibre', 'language', '`language: en` (one BCP 47 tag)'),
  identifiers: renamed('calibre', 'identifier', '`identifier:` with one urn:isbn:…, urn:uuid:… or https URL'),
}

/** The answer to a foreign key: "did you mean …", with what to write. */
export function foreignKeyHint(name: string): string | undefined {
  const known = Object.hasOwn(FOREIGN_KEYS, name) ? FOREIGN_KEYS[name] : undefined
  if (!known) return undefined
  const what = `Unexpected key \`${name}\` (${known.tool}'s name)`
  if (!known.key) return `${what}, expected ${known.how}`
  return `${what}, did you mean \`${known.key}\`?${known.how ? ` Expected ${known.how}` : ''}`
}
