// The steps of a build (src/build.ts lists them), each a function of the
// value the step before it made, run within one `BuildRun`.
import { resolve } from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { reloadChanged } from '../cache/reload.ts'
import { buildTime } from '../clock.ts'
import { coverText, drawnCover, givenCover, type CoverImage } from '../cover/image.ts'
import { BookError } from '../errors.ts'
import { loadBook, type Book, type Metadata } from '../load/index.ts'
import { loadImages } from '../load/images.ts'
import { slugify } from '../load/slug.ts'
import type { TextFindings } from '../lint/text.ts'
import { finishLint, readSuppressions } from '../lint/index.ts'
import type { NormalisedBook, Text } from '../normalise/index.ts'
import { assembleEpub, type Publication } from '../package/index.ts'
import { renderBook, type RenderedBook } from '../render/index.ts'
import { makeTargets, type TargetOutput } from '../targets/make.ts'
import { ownTemplateOf, verifyBuilt } from '../verify/index.ts'
import { generator } from '../version.ts'
import type { TextSettings } from '../workers/tasks.ts'
import { typesetBook } from '../workers/texts.ts'
import type { BuildRun } from './run.ts'
import { XmlChecks } from './xml-checks.ts'
import { languageNotes, refuseUndrawableCover } from './language-checks.ts'

/** load: the manuscript read and checked (book.yaml, the texts, templates, assets); a watch reads again only the texts saved. */
export async function load(run: BuildRun): Promise<Book> {
  const previous = run.options.previous
  const book = (previous && (await reloadChanged(previous.book, previous.changed, run.cwd))) ?? (await loadBook(run.manuscript, { cwd: run.options.cwd, onMetadata: run.onMetadata }))
  refuseUndrawableCover(book)
  book.messages.push(...languageNotes(book))
  return book
}

/** What typesetting made of a loaded book. */
export interface Typeset {
  /** The book as loaded. */
  source: Book
  /** Each text parsed, with typography set, its words counted and, when simple, its XHTML written. */
  book: NormalisedBook
  /** Every text, in reading order. */
  texts: Text[]
  /** What the lint found in each text. */
  lint: Array<{ file: VFile } & TextFindings>
  settings: TextSettings
  /** The build's time (`SOURCE_DATE_EPOCH`, else book.yaml's date): `dcterms:modified` and every zip entry's. */
  date: Date
}

/** typeset: every text typeset by the run's `typesetTexts` (on its executor, or from the cache). */
export async function typeset(run: BuildRun, book: Book): Promise<Typeset> {
  // Read first: a malformed SOURCE_DATE_EPOCH stops the build before any work.
  const { date } = buildTime(run.options.env ?? process.env, book.metadata.date)
  // Texts are linted as they are typeset even when the lint is not reported: it costs little, and
  // the results (cached per text) are then the same for every build.
  const { metadata } = book
  const settings: TextSettings = {
    wordJoiner: run.options.wordJoiner ?? 'u2060',
    language: metadata.language,
    lint: true,
    ...(metadata.dialogueDashes === undefined ? {} : { dialogueDashes: metadata.dialogueDashes }),
    ...(metadata.labels === undefined ? {} : { labels: metadata.labels }),
    ...(run.options.nbsp === 'regular' ? { nbsp: 'regular' as const } : {}),
    ...(metadata.quotes === undefined ? {} : { quotes: metadata.quotes }),
  }
  const listen = run.options.onProgress
  const done = await typesetBook(book, settings, run.typesetTexts, (chapters, total) => listen?.({ type: 'chapters', done: chapters, total }))
  return { source: book, ...done, settings, date }
}

/** What rendering made: the book's pages, styles and images, beside what it was made from. */
export interface Rendered {
  typeset: Typeset
  pages: RenderedBook
  /** Warnings about image files (a removed DOCTYPE) and the description, reported with the texts' messages. */
  warnings: VFileMessage[]
}

/** render: images read, the cover taken, drawn or kept, every page written; a book error (an image without alt text) stops here. */
export async function render(run: BuildRun, typeset: Typeset): Promise<Rendered> {
  const { source: book, texts } = typeset
  const cache = run.cache
  // Images are found in the parsed Markdown, so they are read after typesetting.
  const images = await loadImages(book.folder, texts, book.assets.map((asset) => asset.href))
  if (images.problems.length > 0) throw new BookError(images.problems)
  // Drawing a cover takes a while: the cache keeps it by what is written on it. Drawn on its
  // thread, its bytes come while the book is rendered and packed, and only the zip waits for them.
  const coverKey = JSON.stringify(coverText(book.metadata))
  const cover = book.cover ? givenCover(book.cover) : (cache?.keptCover(coverKey) ?? (await freshCover(book.metadata, run.drawnCover())))
  if (cache && !book.cover && !cache.hasCover(coverKey)) void Promise.resolve(cover.data).then((data) => cache.keepCover(coverKey, { ...cover, data }), () => undefined)
  const { metadata } = book
  const rendered = await renderBook(typeset.book, { ...run.options, language: metadata.language, dialogueDashes: metadata.dialogueDashes, quotes: metadata.quotes, cover, generator }, images, cache?.renderMemo(typeset.settings))
  // The fonts and images the book's own templates name go in beside the style sheet.
  const pages = { ...rendered, resources: [...rendered.resources, ...book.assets] }
  // Rendering warns (removed HTML) and finds book errors too: stop before packaging.
  const fatal = [...texts.flatMap((text) => text.file.messages), ...(pages.messages ?? [])].filter((message) => message.fatal)
  if (fatal.length > 0) throw new BookError(fatal)
  return { typeset, pages, warnings: [...images.warnings, ...(pages.messages ?? [])] }
}

/** The cover drawn for this build: on its thread (`drawn`, still coming), else here and now. */
async function freshCover(metadata: Metadata, drawn: Promise<Uint8Array> | undefined): Promise<CoverImage> {
  return drawn ? drawnCover(drawn) : (await import('../cover/index.ts')).coverImage(metadata, undefined)
}

/** assemble: the EPUB's files (OPF, nav, NCX, pages, styles, images) before zipping. */
export async function assemble(_run: BuildRun, rendered: Rendered): Promise<{ rendered: Rendered; publication: Publication }> {
  const book = rendered.typeset.source
  const publication = await assembleEpub({ metadata: book.metadata, rendered: rendered.pages, templates: book.templates, date: rendered.typeset.date, generator })
  return { rendered, publication }
}

/** What the targets step made: one zipped EPUB per target, and the XML checks begun while zipping. */
export interface Packed {
  typeset: Typeset
  outputs: TargetOutput[]
  xml: XmlChecks
}

/** targets: one EPUB per target asked for (epub, kobo, kindle, apple), each zipped, its big texts deflated (and checked) on the executor. */
export async function targets(run: BuildRun, assembled: { rendered: Rendered; publication: Publication }): Promise<Packed> {
  const { typeset } = assembled.rendered
  const book = typeset.source
  const xml = new XmlChecks(run.executor, run.cache)
  const outputs = await makeTargets(assembled.publication, run.options.targets ?? ['epub'], {
    // An apostrophe is dropped, not a word break: `The Keeper's Daughter` → the-keepers-daughter.epub, as `colophon import` names its folder.
    slug: slugify(book.metadata.title.replace(/['\u2019]/g, '')),
    date: typeset.date,
    preflight: run.options.preflight,
    pack: run.cache,
    deflate: xml.deflate,
  })
  return { typeset, outputs, xml }
}

/** verify: each output's zip, references and XML checked; what is found (the build throws it). */
export async function verify(_run: BuildRun, packed: Packed): Promise<Packed & { problems: VFileMessage[] }> {
  const problems: VFileMessage[] = []
  const templateOf = ownTemplateOf(new Set(packed.typeset.source.ownTemplates ?? []))
  // One target after another: the pool runs one map at a time anyway.
  for (const output of packed.outputs) problems.push(...(await verifyBuilt(output.epub, output.entries, output.fileName, packed.xml.check, templateOf)))
  return { ...packed, problems }
}

/** lint: the book-wide rules over what each text's lint found as it was typeset, with the manuscript's suppressions. */
export async function lint(run: BuildRun, typeset: Typeset): Promise<VFileMessage[]> {
  const book = typeset.source
  return finishLint(book, typeset.lint, await readSuppressions(resolve(run.cwd, book.root), run.cwd)).messages
}
