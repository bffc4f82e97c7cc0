import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Publication } from '../../package/index.ts'
import { entryText, findEntry, readPackage } from '../publication.ts'
import { imgSrc } from './img-src.ts'
import { noBodyIdLinks } from './no-body-id-links.ts'
import { noCssCustomProperties } from './no-css-custom-properties.ts'
import { DEFAULT_MAX_BYTES, sizeBudget } from './size-budget.ts'
import { spineNcxOrder } from './spine-ncx-order.ts'
import { supportedLanguage } from './supported-language.ts'
import { tocVisible } from './toc-visible.ts'
import type { PreflightOptions, PreflightRule } from './types.ts'
import { utf8Declared } from './utf8-declared.ts'
import { xmlComments } from './xml-comments.ts'

export type { PreflightOptions, PreflightRule } from './types.ts'

/** Send-to-Kindle preflight: the catalogue, in the order the rules run. Ids are stable. */
export const kindleRules: PreflightRule[] = [
  utf8Declared,
  supportedLanguage,
  noBodyIdLinks,
  imgSrc,
  spineNcxOrder,
  tocVisible,
  xmlComments,
  noCssCustomProperties,
  sizeBudget,
]

/**
 * Run preflight rules over a publication. Each finding becomes a fatal
 * vfile message on `<book>/<path>` (line:column where the rule can tell),
 * with the rule's id, so the CLI prints `book.epub/EPUB/x.xhtml:3:5 … rule`.
 */
export function preflight(publication: Publication, rules: PreflightRule[], bookName: string, options: PreflightOptions = {}): VFileMessage[] {
  const pkg = readPackage(publication)
  const context = { publication, pkg, options: { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES } }
  const messages: VFileMessage[] = []
  for (const rule of rules) {
    for (const finding of rule.check(context)) {
      const entry = findEntry(publication, finding.path)
      const file = new VFile({ path: `${bookName}/${finding.path}`, value: entry ? entryText(entry) : '' })
      const place = finding.offset === undefined ? undefined : placeAt(String(file.value), finding.offset)
      const message = file.message(`${finding.reason} (Send-to-Kindle preflight rule \`${rule.id}\`)`, {
        place,
        ruleId: rule.id,
        source: 'kindle-preflight',
      })
      message.fatal = true
      messages.push(message)
    }
  }
  return messages
}

function placeAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
