import type { VFile } from 'vfile'
import { languageOf } from '../language.ts'
import { blocksToMarkdown } from '../blocks/markdown.ts'
import type { Block } from '../blocks/types.ts'
import { convertDocx } from '../docx/convert.ts'
import { coreProperties } from '../docx/core-properties.ts'
import { scanParagraphs } from '../docx/rules.ts'
import { findStructure } from '../docx/structure.ts'
import { checkLanguageTag } from '../../load/language-tag.ts'
import { fail, openPackage } from '../package/zip.ts'
import { attribute, findAll, parseXml } from '../package/xml.ts'
import type { ImportedBook } from '../types.ts'
import { titleFromName } from '../../load/order.ts'
import { titleOfFile } from '../file-title.ts'

const INFO = { source: 'colophon-import' } as const

/**
 * A Word document (DOCX) to a book: metadata from `docProps/core.xml` and
 * the title-page styles, the body through mammoth (`docx/convert.ts`), its
 * structure from heading styles or from repeating centred or bold titles
 * (`docx/structure.ts`). The package is opened with limits first
 * (`package/zip.ts`) and every entry inflated under them before mammoth,
 * which reads the same zip again, sees it.
 */
export async function readDocx(file: VFile): Promise<ImportedBook> {
  const pkg = await openPackage(file, 'DOCX')
  for (const name of pkg.names) await pkg.bytes(name)
  const main = await mainPart(file, pkg)
  const documentXml = await pkg.text(main)
  if (documentXml === undefined) {
    fail(file, `Unexpected zip without a Word document (\`${main}\`), expected a DOCX`, 'import-docx')
  }
  const scan = scanParagraphs(parseXml(file, main, documentXml))
  const core = await pkg.text('docProps/core.xml')
  const metadata = core ? coreProperties(file, parseXml(file, 'docProps/core.xml', core)) : {}

  const converted = await convertDocx(file, file.value as Uint8Array, scan)
  const story: Block[] = []
  for (const block of converted.blocks) {
    if (!block.role) {
      story.push(block)
      continue
    }
    const key = { title: 'title', subtitle: 'subtitle', author: 'author', date: 'date', abstract: 'description' }[block.role]
    if (block.role === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(block.text)) {
      story.push(block)
      continue
    }
    // The text's own title page says what the writer typed; core.xml's creator is often the computer's
    // account, and its created date the day the file was made.
    if (metadata[key] === undefined || block.role === 'author' || block.role === 'date') {
      metadata[key] = block.role === 'abstract' ? blocksToMarkdown([block]) : block.text
    }
    file.info(`${key} from the \`${block.role}\` paragraph style (${block.where})`, { ruleId: `import-${key}`, ...INFO })
  }
  const fallbackTitle = titleFromName(file.stem ?? '') || 'Untitled'
  const structure = findStructure(file, story, typeof metadata.title === 'string' ? metadata.title : fallbackTitle, metadata)
  if (metadata.title === undefined) {
    metadata.title = structure.title ?? fallbackTitle
    if (!structure.title) titleOfFile(file, 'the document')
  }
  const language = typeof metadata.language === 'string' ? metadata.language : undefined
  if (!language || !checkLanguageTag(language).res) {
    if (language) file.info(`language \`${language}\` in docProps/core.xml is not a BCP 47 tag`, { ruleId: 'import-language', ...INFO })
    metadata.language = languageOf(file, story.map((block) => block.text).join('\n'), 'docProps/core.xml')
  }
  if (structure.chapters.length === 0) {
    fail(file, 'Unexpected DOCX without text, expected a story in word/document.xml', 'import-empty')
  }
  return { metadata, front: structure.front, chapters: structure.chapters, back: structure.back, images: converted.images }
}

/** The main document part, as `_rels/.rels` names it (Word's is `word/document.xml`). */
async function mainPart(file: VFile, pkg: Awaited<ReturnType<typeof openPackage>>): Promise<string> {
  const rels = await pkg.text('_rels/.rels')
  if (rels) {
    for (const relationship of findAll(parseXml(file, '_rels/.rels', rels), 'Relationship')) {
      const type = attribute(relationship, 'Type') ?? ''
      const target = attribute(relationship, 'Target') ?? ''
      if (type.endsWith('/officeDocument') && target) return target.replace(/^\//, '')
    }
  }
  return 'word/document.xml'
}
