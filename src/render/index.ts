import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import type { CoverImage } from '../cover/index.ts'
import type { BookImages } from '../load/images.ts'
import type { Metadata } from '../load/metadata.ts'
import {
  createNormaliser,
  normaliseFile,
  stripInvisibles,
  typesetInline,
  type NormalisedBook,
  type NormalisedPage,
  type NormaliseOptions,
  type Text,
} from '../normalise/index.ts'
import { format, labelsFor, listNames } from './labels.ts'
import { matterSemantics } from './semantics.ts'
import { fill } from './template.ts'
import { workFacts } from './title-page.ts'
import type { XhtmlOptions, XhtmlParts } from './to-xhtml.ts'
import { simpleXhtmlParts } from './simple-xhtml.ts'
import type { Root } from 'mdast'
import type { NoteNumbering } from './footnotes.ts'
import type { ContentDocument, RenderedBook, Resource } from './types.ts'
import { countWords, plainText } from './words.ts'
import { textXhtml, textXhtmlOptions } from './text-xhtml.ts'
import { textsInOrder } from '../load/reading-order.ts'

export type { ContentDocument, ContentFacts, RenderedBook, Resource, TocEntry } from './types.ts'
export { labelsFor, format, listNames, type Labels } from './labels.ts'
export { fill, escapeXml } from './template.ts'

export interface RenderOptions extends NormaliseOptions {
  /** The cover image; every book has one (given or drawn). */
  cover?: CoverImage
  /** What built the book, for the colophon page: `colophon 0.1.0`. */
  generator?: string
}

/** Resources every book carries, from the templates folder. */
const styleResources: Array<Omit<Resource, 'data'> & { template: string }> = [
  { id: 'css', href: 'css/book.css', mediaType: 'text/css', template: 'book.css' },
  { id: 'scene-break', href: 'images/scene-break.svg', mediaType: 'image/svg+xml', template: 'scene-break.svg' },
]

/**
 * Render every page of a normalised book through the templates, in reading
 * order: cover, title page (with the work's preface), content warnings,
 * front matter, chapters (scenes joined by scene breaks, footnotes, the end
 * note as a labelled aside), back matter, colophon. The nav is the package
 * stage's: it goes after the front matter.
 */
export async function renderBook(
  book: NormalisedBook,
  options: RenderOptions = {},
  bookImages?: Pick<BookImages, 'resources' | 'byText'>,
  memo?: RenderMemo,
): Promise<RenderedBook> {
  const { metadata, templates } = book
  const lang = metadata.language
  const labels = labelsFor(lang, metadata.labels)
  const inline = createNormaliser(options)
  const typeset = (text: string): string => typesetInline(text, inline)
  const noteLabels = { backlink: labels.backToText, note: labels.note }
  // The description is Markdown from book.yaml: it goes through the prose's sanitiser, with no image
  // allowed (none of its images is checked or packaged), and what is removed is reported on book.yaml.
  const descriptionFile = new VFile({ path: `${book.root}/book.yaml`, value: metadata.description ?? '' })
  const description = metadata.description ? normaliseFile(descriptionFile, inline) : undefined
  const summaryOptions: XhtmlOptions = { sceneBreakLabel: labels.sceneBreak, notes: { prefix: 'summary-', next: 1 }, noteLabels, file: descriptionFile, images: new Map() }
  const simpleSummary = description && simpleXhtmlParts(description.tree, summaryOptions)
  // mdast → hast → sanitiser → xast (to-xhtml.ts) is loaded only for a text the direct writer refused
  // where it was typeset (a text comes without its XHTML only then).
  const full = (description && !simpleSummary) || allTexts(book).some((text) => !text.rendered)
    ? await import('./to-xhtml.ts')
    : undefined
  const toXhtmlParts = (tree: Root, xhtml: XhtmlOptions): XhtmlParts => {
    const parts = textXhtml(tree, xhtml, full)
    if (!parts) throw new Error('Unexpected text for the direct XHTML writer, expected it to load the full renderer')
    return parts
  }
  // One text's XHTML; the memo gives an earlier build's parts for the same text rendered the same way.
  const parts = (text: Text, notes: NoteNumbering): XhtmlParts => {
    // Rendered as it was typeset: it has no footnotes, so the numbering stays as it is.
    if (text.rendered) return text.rendered
    const xhtml = textXhtmlOptions(labels, text.file, bookImages?.byText.get(text.file.path) ?? new Map(), notes)
    return memo ? memo.parts(text, xhtml, () => toXhtmlParts(text.tree, xhtml)) : toXhtmlParts(text.tree, xhtml)
  }
  const page = (view: PageView): string => fill(templates, view.template, { ...view, lang, css: '../css/book.css' })
  const remembered = (place: string, inputs: readonly unknown[], make: () => string): string => (memo ? memo.page(place, inputs, make) : make())
  const documents: ContentDocument[] = []
  const title = typeset(metadata.title)
  const plainTitle = stripInvisibles(title)
  const authorNames = listNames(
    metadata.authors.filter((author) => author.role === 'aut').map((author) => author.name),
    labels,
    lang,
  )

  const images: RenderedBook['facts']['images'] = []
  const resources: Resource[] = styleResources.map(({ template, ...resource }) => ({ ...resource, data: templates.get(template) ?? '' }))
  // The load stage made sure every image of the text has alt text.
  resources.push(...(bookImages?.resources ?? []))
  images.push(...(bookImages?.resources ?? []).map((image) => ({ href: image.href })))
  if (options.cover) {
    const generatedAlt = format(labels.coverAlt, { title: plainTitle, authors: stripInvisibles(typeset(authorNames)) })
    const alt = !options.cover.generated && metadata.coverAlt ? stripInvisibles(typeset(metadata.coverAlt)) : generatedAlt
    const href = `../${options.cover.href}`
    resources.push({ id: 'cover-image', href: options.cover.href, mediaType: options.cover.mediaType, data: options.cover.data, properties: 'cover-image' })
    images.push({ href: options.cover.href, alt })
    documents.push({
      id: 'cover',
      href: 'text/cover.xhtml',
      title: labels.cover,
      matter: 'front',
      type: 'cover',
      toc: [],
      xhtml: page({ template: 'cover.xhtml', pageTitle: `${plainTitle}: ${labels.cover}`, src: href, alt, label: labels.cover }),
    })
  }

  const words =
    metadata.fanfiction.words ??
    book.chapters.reduce(
      (sum, chapter) =>
        sum +
        chapter.scenes.reduce((count, scene) => {
          const counted = scene.words ?? (memo ? memo.words(scene, lang, () => countWords([scene.tree], lang)) : countWords([scene.tree], lang))
          return count + counted
        }, 0),
      0,
    )
  const firstChapter = book.chapters[0] ? `${book.chapters[0].slug}.xhtml` : undefined
  const warnings = metadata.fanfiction.warnings.filter((warning) => warning !== 'No Archive Warnings Apply')

  documents.push({
    id: 'titlepage',
    href: 'text/titlepage.xhtml',
    title: plainTitle,
    matter: 'front',
    type: 'titlepage',
    toc: [],
    xhtml: page({
      template: 'titlepage.xhtml',
      pageTitle: plainTitle,
      title,
      subtitle: metadata.subtitle ? typeset(metadata.subtitle) : undefined,
      authors: metadata.authors.filter((author) => author.role === 'aut').map((author) => ({ name: typeset(author.name) })),
      contributors: metadata.authors
        .filter((author) => author.role !== 'aut')
        .map((author) => ({ name: typeset(author.name), credit: labels.roles[author.role] })),
      by: labels.by,
      factsLabel: labels.workFacts,
      facts: workFacts(metadata, new Intl.NumberFormat(lang).format(words), labels, typeset),
      summary: description ? { label: labels.summary, body: withNotes(simpleSummary ?? toXhtmlParts(description.tree, summaryOptions)) } : undefined,
    }),
  })

  if (warnings.length > 0) {
    documents.push({
      id: 'content-warnings',
      href: 'text/content-warnings.xhtml',
      title: labels.contentWarnings,
      matter: 'front',
      type: 'frontmatter',
      toc: [{ label: labels.contentWarnings, href: 'text/content-warnings.xhtml', children: [] }],
      xhtml: page({
        template: 'warnings.xhtml',
        pageTitle: labels.contentWarnings,
        heading: labels.contentWarnings,
        intro: labels.contentWarningsIntro,
        warnings,
        skip: firstChapter ? { href: firstChapter, label: labels.skipWarnings } : undefined,
      }),
    })
  }

  let footnotes = false
  const matter = (entry: NormalisedPage, where: 'front' | 'back'): ContentDocument => {
    const semantics = matterSemantics(entry.slug, where, labels)
    const heading = typeset(semantics.kind ? labels.matter[semantics.kind] : entry.title)
    const href = `text/${entry.slug}.xhtml`
    const content = parts(entry.text, { prefix: `${entry.slug}-`, next: 1 })
    if (content.notes) footnotes = true
    return {
      id: entry.slug,
      href,
      title: stripInvisibles(heading),
      matter: where,
      type: semantics.type,
      toc: [{ label: stripInvisibles(heading), href, children: [] }],
      xhtml: page({
        template: 'matter.xhtml',
        pageTitle: stripInvisibles(heading),
        id: entry.slug,
        heading,
        type: semantics.type,
        role: semantics.role,
        matter: where,
        body: content.body,
        notes: content.notes || undefined,
        notesLabel: labels.notes,
      }),
    }
  }

  documents.push(...book.front.map((entry) => matter(entry, 'front')))

  for (const chapter of book.chapters) {
    const heading = typeset(chapter.title)
    const href = `text/${chapter.slug}.xhtml`
    const noteId = `${chapter.slug}-note`
    const numbering: NoteNumbering = { prefix: `${chapter.slug}-`, next: 1 }
    const fragment = (text: Text) => parts(text, numbering)
    // In reading order, so footnotes are numbered as they are read: head note, scenes, end note.
    const headNote = chapter.headNote ? fragment(chapter.headNote) : undefined
    const scenes = chapter.scenes.map(fragment)
    const endNote = chapter.endNote ? fragment(chapter.endNote) : undefined
    const notes = [...(headNote ? [headNote] : []), ...scenes, ...(endNote ? [endNote] : [])].map((part) => part.notes).filter(Boolean).join('\n')
    if (notes) footnotes = true
    documents.push({
      id: chapter.slug,
      href,
      title: stripInvisibles(heading),
      matter: 'body',
      type: 'chapter',
      toc: [
        {
          label: stripInvisibles(heading),
          href,
          children: chapter.endNote ? [{ label: stripInvisibles(labels.authorsNote), href: `${href}#${noteId}`, children: [] }] : [],
        },
      ],
      // Everything the page is made of: its texts' parts (the same objects while the texts are unchanged) and the rest.
      xhtml: remembered(href, [templates, lang, labels, chapter.number, heading, headNote, endNote, ...scenes], () =>
        page({
          template: 'chapter.xhtml',
          pageTitle: stripInvisibles(heading),
          id: chapter.slug,
          number: chapter.number,
          heading,
          scenes: scenes.map((scene, index) => ({ body: scene.body, first: index === 0 })),
          sceneBreakLabel: labels.sceneBreak,
          notes: notes || undefined,
          notesLabel: labels.notes,
          headNote: headNote ? { id: `${chapter.slug}-head-note`, label: labels.authorsHeadNote, body: headNote.body } : undefined,
          endNote: endNote ? { id: noteId, label: labels.authorsNote, body: endNote.body } : undefined,
        }),
      ),
    })
  }

  documents.push(...book.back.map((entry) => matter(entry, 'back')))

  if (!book.back.some((entry) => matterSemantics(entry.slug, 'back', labels).kind === 'colophon')) {
    documents.push(colophonPage(metadata, { title, authorNames: typeset(authorNames), generator: options.generator ?? 'colophon', labels, page, typeset }))
  }

  return {
    documents,
    resources,
    facts: { description: description ? stripInvisibles(plainText(description.tree)) : undefined, words, images, footnotes },
    messages: descriptionMessages(descriptionFile, metadata.descriptionPlace),
  }
}

interface ColophonContext {
  title: string
  authorNames: string
  generator: string
  labels: ReturnType<typeof labelsFor>
  page: (view: PageView) => string
  typeset: (text: string) => string
}

/** The colophon page (Standard Ebooks' kind): the edition, its date, who published it, what built it. */
function colophonPage(metadata: Metadata, context: ColophonContext): ContentDocument {
  const { labels, typeset } = context
  const heading = labels.matter.colophon
  const facts = [
    { term: labels.edition, value: metadata.edition && typeset(metadata.edition) },
    { term: labels.published, value: metadata.date && longDate(metadata.date, metadata.language) },
    { term: labels.publisher, value: metadata.publisher && typeset(metadata.publisher) },
    { term: labels.rights, value: metadata.rights && typeset(metadata.rights) },
  ].filter((fact) => fact.value)
  return {
    id: 'colophon',
    href: 'text/colophon.xhtml',
    title: heading,
    matter: 'back',
    type: 'colophon',
    toc: [{ label: heading, href: 'text/colophon.xhtml', children: [] }],
    xhtml: context.page({
      template: 'colophon.xhtml',
      pageTitle: heading,
      heading,
      title: context.title,
      by: labels.by,
      authors: context.authorNames,
      facts,
      madeWith: format(labels.madeWith, { generator: context.generator }),
    }),
  }
}

/** `2024-03-21` → "21 March 2024" in the book's language; a bare year or month stays as written. */
function longDate(date: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/**
 * What an earlier build already rendered (the build cache keeps it): one
 * text's XHTML parts and word count, found by the text's content key and
 * everything else the result depends on (footnote prefix and first number,
 * image places, labels). A hit puts the messages rendering left on the
 * text's file back on it and moves the footnote numbering on, as rendering
 * would have.
 */
export interface RenderMemo {
  parts(text: Text, options: XhtmlOptions, make: () => XhtmlParts): XhtmlParts
  words(text: Text, language: string, count: () => number): number
  /**
   * The page at `place` as the last build made it when each of `inputs` is
   * the same value or object (===) as then, else `make()`. A watch rebuild
   * then assembles only the chapter that changed, and the same string goes
   * to the zip and XML caches, which find it without reading it again.
   */
  page(place: string, inputs: readonly unknown[], make: () => string): string
}

interface PageView {
  template: string
  pageTitle: string
  [key: string]: unknown
}

export type { Metadata }

function allTexts(book: NormalisedBook): Text[] {
  return textsInOrder(book, (page) => page.text)
}

/**
 * The description's messages, at the place of its value in book.yaml (its
 * Markdown's own lines and columns do not match the YAML's once folded),
 * with the reason saying it is the description's.
 */
function descriptionMessages(file: VFile, place: Metadata['descriptionPlace']): VFileMessage[] {
  return file.messages.map((message) => {
    const moved = new VFileMessage(`${message.reason} (in the description)`, { place, ruleId: message.ruleId ?? undefined, source: message.source ?? undefined })
    moved.file = file.path
    moved.name = `${file.path}:${moved.name}`
    moved.fatal = message.fatal
    return moved
  })
}

/** A fragment with its footnotes after it: a description's noterefs must find their notes on the page. */
function withNotes(parts: XhtmlParts): string {
  return parts.notes ? `${parts.body}\n${parts.notes}` : parts.body
}
