import type { Root as XastRoot } from 'xast'
import type { VFile } from 'vfile'
import type { ImportedMetadata } from '../types.ts'
import { findFirst, textOf } from '../package/xml.ts'

const INFO = { source: 'colophon-import' } as const

/**
 * `docProps/core.xml` (Dublin Core in OPC) to book.yaml keys: `dc:title`,
 * `dc:creator`, `dc:language`, `dcterms:created`, `dc:description`,
 * `dc:subject` and `cp:keywords` (both subjects). Word fills `creator`
 * with the account's name, so it is taken only when the text gives no author.
 */
export function coreProperties(file: VFile, root: XastRoot): ImportedMetadata {
  const metadata: ImportedMetadata = {}
  const value = (name: string): string | undefined => {
    const node = findFirst(root, name)
    const text = node ? textOf(node) : ''
    return text === '' ? undefined : text
  }
  const found = (key: string, text: string, from: string): void => {
    file.info(`${key} from \`${from}\` in docProps/core.xml`, { ruleId: `import-${key}`, ...INFO })
    metadata[key] = text
  }
  const title = value('title')
  if (title) found('title', title, 'dc:title')
  const creator = value('creator')
  if (creator) found('author', creator, 'dc:creator')
  const language = value('language')
  if (language) found('language', language, 'dc:language')
  const created = value('created')
  const date = created ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(created)?.[0] : undefined
  if (date) found('date', date, 'dcterms:created')
  const description = value('description')
  if (description) found('description', description, 'dc:description')
  const subjects = [value('subject'), ...(value('keywords') ?? '').split(/[,;]/)]
    .map((subject) => subject?.trim() ?? '')
    .filter((subject, index, all) => subject !== '' && all.indexOf(subject) === index)
  if (subjects.length > 0) {
    file.info('subjects from `dc:subject` and `cp:keywords` in docProps/core.xml', { ruleId: 'import-subjects', ...INFO })
    metadata.subjects = subjects
  }
  return metadata
}
