import { assembleChapter } from '../blocks/chapter.ts'
import { citeNotes } from '../blocks/footnotes.ts'
import { frontPages } from '../blocks/front.ts'
import { pageKind, pageKindOfType } from '../blocks/kinds.ts'
import { languageOf } from '../language.ts'
import { blocksToMarkdown } from '../blocks/markdown.ts'
import { isOrnament } from '../blocks/ornament.ts'
import type { Block } from '../blocks/types.ts'
import { centredClasses } from '../epub/centred-classes.ts'
import { documentBlocks, epubType, parseDocument } from '../epub/document.ts'
import { ImageShelf, settleReferences } from '../epub/media.ts'
import { readOpf, type ManifestItem } from '../epub/opf.ts'
import { navEntries, ncxEntries, type TocEntry } from '../epub/toc.ts'
import { fail, openPackage } from '../package/zip.ts'
import { attribute, findFirst, parseXml } from '../package/xml.ts'
import type { ImportedBook, ImportedChapter, ImportedMetadata, ImportedPage } from '../types.ts'
import { findStructure, type Structure } from '../docx/structure.ts'
import { VFile } from 'vfile'
import { titleOfFile } from '../file-title.ts'

const INFO = { source: 'colophon-import' } as const

/** A stretch of the book: one document, or the part of one that a TOC entry starts. */
interface Section {
  title?: string
  kind?: string
  blocks: Block[]
  where: string
  /** The spine document it comes from. */
  path: string
  /** Starts at a `#fragment` inside its document rather than at its top. */
  inside: boolean
  /** The heading its title was taken from, off its blocks. */
  heading?: Block
}

/**
 * An EPUB to a book: metadata, manifest and spine from the OPF
 * (`epub/opf.ts`), chapter titles from the nav document or the NCX
 * (`epub/toc.ts`), each spine document's blocks (`epub/document.ts`) split
 * where a TOC entry points into it. The cover, title page, contents and
 * copyright pages are the source's apparatus and are left out (colophon
 * makes its own); pages a TOC or `epub:type` names (dedication, afterword …)
 * become front or back pages; a document no TOC entry names continues the
 * chapter before it.
 */
export async function readEpub(file: VFile): Promise<ImportedBook> {
  const pkg = await openPackage(file, 'EPUB')
  const container = await pkg.text('META-INF/container.xml')
  if (container === undefined) fail(file, 'Unexpected zip without `META-INF/container.xml`, expected an EPUB', 'import-epub')
  const rootfile = findFirst(parseXml(file, 'META-INF/container.xml', container), 'rootfile')
  const opfPath = rootfile ? attribute(rootfile, 'full-path') : undefined
  const opfText = opfPath ? await pkg.text(opfPath) : undefined
  if (!opfPath || opfText === undefined) fail(file, `Unexpected EPUB without its package document (\`${opfPath ?? 'rootfile'}\`), expected the OPF that META-INF/container.xml names`, 'import-epub')
  const opf = readOpf(file, opfPath, parseXml(file, opfPath, opfText))
  const metadata = opf.metadata

  const toc = await readToc(file, pkg, opf)
  const shelf = new ImageShelf(pkg, opf.manifest)
  const stylesheets = [...opf.manifest.values()].filter((item) => item.mediaType === 'text/css')
  const centred = centredClasses((await Promise.all(stylesheets.map((item) => pkg.text(item.path)))).filter((css): css is string => css !== undefined))
  const sections: Section[] = []
  for (const item of opf.spine) {
    if (item === opf.nav || !/x?html/.test(item.mediaType)) continue
    const text = await pkg.text(item.path)
    if (text === undefined) continue
    const tree = parseDocument(file, item.path, text)
    const { blocks, notes } = documentBlocks(item.path, tree, centred)
    const types = [...containerTypes(tree), ...blocks.slice(0, 1).map((block) => epubType(block.node))].join(' ')
    const entries = toc.filter((entry) => entry.path === item.path)
    const skip = pageKindOfType(types) === 'skip' || entries.some((entry) => pageKind(entry.title) === 'skip') || isTitlePage(blocks, metadata) || hasCalibreCoverMark(tree)
    if (skip) {
      file.info(`\`${item.path}\` left out: the source's ${blocks.length === 0 || blocks.every((b) => b.text === '') ? 'cover' : 'title page or contents'}, which colophon makes itself`, { ruleId: 'import-skip', ...INFO })
      continue
    }
    for (const block of blocks) {
      if (notes.size > 0) citeNotes(block, notes)
      block.node = await settleReferences(file, block.node, item.path, shelf, block.where)
      for (const note of block.notes ?? []) {
        note.body = (await settleReferences(file, { type: 'element', tagName: 'div', properties: {}, children: note.body }, item.path, shelf, block.where)).children
      }
    }
    sections.push(...split(item, blocks, entries, pageKindOfType(types)))
  }

  const front: ImportedPage[] = []
  const chapters: ImportedChapter[] = []
  const back: ImportedPage[] = []
  const flat = flatStructure(file, sections, metadata)
  if (flat) {
    front.push(...flat.front)
    chapters.push(...flat.chapters)
    back.push(...flat.back)
    sections.length = 0
  }
  const storyStarts = sections.findIndex((section) => section.title !== undefined && !section.kind)
  sections.forEach((section, index) => {
    if (section.title === undefined && chapters.length === 0 && storyStarts !== -1) {
      // Untitled text before the first chapter: a disclaimer, a dedication, an epigraph.
      front.push(...frontPages(file, section.blocks, metadata))
      return
    }
    if (section.kind === 'skip') return
    const lastChapter = chapters.at(-1)
    const previous = sections[index - 1]
    if (section.kind === 'notes' && section.inside && lastChapter && !lastChapter.endNote && previous?.path === section.path && !previous.kind) {
      // An author's note the contents point to inside a chapter's own file is that chapter's end note.
      lastChapter.endNote = blocksToMarkdown(section.blocks)
      file.info(`author's note after chapter \`${lastChapter.title}\` (${section.where})`, { ruleId: 'import-note', ...INFO })
      return
    }
    if (section.kind) {
      const page = { kind: section.kind, markdown: blocksToMarkdown(section.blocks.filter((block) => !isOrnament(block))) }
      if (section.blocks.length === 0) return
      file.info(`${section.kind} page${section.title ? ` \`${section.title}\`` : ''} (${section.where})`, { ruleId: `import-${section.kind}`, ...INFO })
      if (index < storyStarts || storyStarts === -1) front.push(page)
      else back.push(page)
      return
    }
    if (section.title === undefined && chapters.length > 0 && toc.length > 0) {
      // A document the TOC does not name goes on with the chapter before it (calibre splits long ones).
      const last = chapters.pop() as ImportedChapter
      const previous = sections.slice(0, index).reverse().find((s) => s.title !== undefined && !s.kind) as Section
      previous.blocks.push(...section.blocks)
      file.info(`\`${section.where}\` continues chapter \`${last.title}\`: no contents entry names it`, { ruleId: 'import-chapter', ...INFO })
      chapters.push(assembleChapter(file, last.title, previous.blocks))
      return
    }
    const title = section.title ?? `Chapter ${chapters.length + 1}`
    if (section.blocks.length === 0) {
      // A title with no text under it (`Part One` on a page of its own) opens the chapter after it.
      const heading = titleBlock(title, section.where)
      const next = sections.slice(index + 1).find((later) => !later.kind && later.blocks.length > 0)
      if (next) {
        next.blocks.unshift(heading)
        file.info(`\`${title}\` has no text of its own: kept as a heading at the start of the next chapter (${section.where})`, { ruleId: 'import-part', ...INFO })
      }
      return
    }
    file.info(`chapter ${chapters.length + 1} \`${title}\` (${section.where})`, { ruleId: 'import-chapter', ...INFO })
    chapters.push(assembleChapter(file, title, section.blocks))
  })
  if (chapters.length === 0) fail(file, 'Unexpected EPUB without story text, expected chapters in its spine', 'import-empty')

  if (typeof metadata.title !== 'string') {
    metadata.title = titleOfFile(file, 'the OPF')
  }
  if (typeof metadata.language !== 'string') {
    metadata.language = languageOf(file, chapters.flatMap((chapter) => chapter.scenes).join('\n'), 'the OPF')
  }
  if (typeof metadata.description === 'string' && /<[a-z]/i.test(metadata.description)) {
    // calibre keeps the description as HTML: through the same parser and Markdown as the text.
    const { fromHtml } = await import('hast-util-from-html')
    const { hastToMarkdown } = await import('../html-to-markdown.ts')
    metadata.description = hastToMarkdown(fromHtml(metadata.description, { fragment: true })).trim()
  }
  const cover = opf.cover ? await pkg.bytes(opf.cover.path) : undefined
  const coverType = opf.cover?.mediaType
  const book: ImportedBook = { metadata, front, chapters, back, images: shelf.images }
  if (cover && opf.cover && (coverType === 'image/png' || coverType === 'image/jpeg')) {
    book.cover = { name: coverType === 'image/png' ? 'cover.png' : 'cover.jpg', mediaType: coverType, data: cover }
    file.info(`cover from \`${opf.cover.path}\``, { ruleId: 'import-cover', ...INFO })
  }
  return book
}

async function readToc(file: VFile, pkg: Awaited<ReturnType<typeof openPackage>>, opf: ReturnType<typeof readOpf>): Promise<TocEntry[]> {
  if (opf.nav) {
    const text = await pkg.text(opf.nav.path)
    const entries = text ? navEntries(opf.nav.path, parseDocument(file, opf.nav.path, text)) : []
    if (entries.length > 0) return entries
  }
  if (opf.ncx) {
    const text = await pkg.text(opf.ncx.path)
    if (text) return ncxEntries(opf.ncx.path, parseXml(file, opf.ncx.path, text))
  }
  return []
}

/**
 * An EPUB whose contents do not name its chapters (calibre's conversion of
 * one long DOCX or HTML file: one document, one `Start` entry) is read as a
 * DOCX is (`docx/structure.ts`): headings, or short centred or bold
 * titles of one shape, over all its text. Used only when that finds at
 * least two chapters where the contents found fewer.
 */
function flatStructure(file: VFile, sections: readonly Section[], metadata: ImportedMetadata): Structure | undefined {
  if (sections.filter((section) => section.title !== undefined && !section.kind).length >= 2) return undefined
  const blocks = sections
    .filter((section) => section.kind !== 'skip')
    // The text as it stands: a heading a title was taken from goes back; a contents label (calibre's `Start`) is not text.
    .flatMap((section) => (section.heading ? [section.heading, ...section.blocks] : section.blocks))
  const trial = new VFile({ path: file.path, cwd: file.cwd })
  const trialMetadata = { ...metadata }
  const found = findStructure(trial, blocks, typeof metadata.title === 'string' ? metadata.title : 'Untitled', trialMetadata)
  if (found.chapters.length < 2) return undefined
  const where = [...new Set(sections.map((section) => section.path))].join(', ')
  file.info(`chapters found from the headings and titles in the text: the contents name fewer than two (${where})`, { ruleId: 'import-chapter', ...INFO })
  file.messages.push(...trial.messages)
  // The reading may have taken a title or author from a typed title page.
  Object.assign(metadata, trialMetadata)
  return found
}

function titleBlock(title: string, where: string): Block {
  return { node: { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: title }] }, text: title, where, centred: false, bold: false, italic: false, heading: 2, rule: false }
}

/** calibre's cover page says what it is in its head: `<meta name="calibre:cover" content="true">`. */
function hasCalibreCoverMark(tree: ReturnType<typeof parseDocument>): boolean {
  let found = false
  const walk = (node: import('hast').Nodes): void => {
    if (node.type === 'element' && node.tagName === 'meta' && node.properties.name === 'calibre:cover') found = true
    if ('children' in node && !found) node.children.forEach(walk)
  }
  walk(tree)
  return found
}

/** The `epub:type`s of the body and the sections and divisions around the text (`titlepage`, `toc`, `chapter` …). */
function containerTypes(tree: ReturnType<typeof parseDocument>): string[] {
  const types: string[] = []
  const walk = (node: import('hast').Nodes): void => {
    if (node.type === 'element') {
      if (!['html', 'body', 'section', 'div', 'article', 'main', 'nav'].includes(node.tagName)) return
      types.push(epubType(node))
    }
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  return types
}

/** A page that only repeats the book's title, author, date and rights: a title page. */
function isTitlePage(blocks: readonly Block[], metadata: Record<string, unknown>): boolean {
  if (blocks.length === 0 || blocks.every((block) => block.text === '')) return true
  const known = [metadata.title, metadata.subtitle, metadata.author, metadata.date, metadata.rights, metadata.publisher]
    .flat()
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase())
  return blocks.every((block) => block.text === '' || known.includes(block.text.toLowerCase().replace(/^by\s+/, '')))
}

/** One document to sections: split where a TOC entry points into it, each part titled by its entry. */
function split(item: ManifestItem, blocks: Block[], entries: TocEntry[], typeKind: string | undefined): Section[] {
  const starts: Array<{ at: number; entry?: TocEntry }> = []
  for (const entry of entries) {
    const at = entry.fragment ? blocks.findIndex((block) => block.ids?.includes(entry.fragment as string)) : 0
    if (at !== -1 && !starts.some((start) => start.at === at)) starts.push({ at, entry })
  }
  starts.sort((a, b) => a.at - b.at)
  if (starts[0]?.at !== 0) starts.unshift({ at: 0 })
  return starts.map((start, index) => {
    let part = blocks.slice(start.at, starts[index + 1]?.at ?? blocks.length)
    let title = start.entry?.title
    // The heading that the entry names is the chapter's title, not its text.
    const head = part[0]
    if (head?.heading && head.heading <= 3 && (title === undefined || sameTitle(head.text, title))) {
      title = title === undefined || head.text.length > title.length ? head.text : title
      part = part.slice(1)
    }
    const kind = title ? pageKind(title) : index === 0 ? typeKind : undefined
    const taken = head && part[0] !== head ? { heading: head } : {}
    return { ...(title !== undefined ? { title } : {}), ...(kind ? { kind } : {}), blocks: part, where: head?.where ?? item.path, path: item.path, inside: start.at > 0, ...taken }
  })
}

function sameTitle(heading: string, title: string): boolean {
  const norm = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return norm(heading) === norm(title) || norm(heading).startsWith(norm(title))
}
