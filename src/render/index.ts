import type { BookImages } from '../load/images.ts'
import type { Metadata } from '../load/metadata.ts'
import { createNormaliser, stripInvisibles, typesetInline, type NormaliseOptions } from '../normalise/index.ts'
import { labelsFor, type Labels } from './labels.ts'
import { fill } from './template.ts'
import { createHash } from 'node:crypto'
import type { ContentDocument, RenderedBook, RenderedText, Resource, TypesetBook, TypesetChapter, TypesetPage } from './types.ts'

export type { ContentDocument, RenderedBook, RenderedText, Resource, TocEntry, TypesetBook, TypesetChapter, TypesetPage } from './types.ts'
export { createTextRenderer, type TextSettings, type TextSource } from './text.ts'
export { labelsFor, type Labels } from './labels.ts'
export { fill, escapeXml } from './template.ts'

/** Resources every book carries, from the templates folder. */
const styleResources: Array<Omit<Resource, 'data'> & { template: string }> = [
  { id: 'css', href: 'css/book.css', mediaType: 'text/css', template: 'book.css' },
  { id: 'scene-break', href: 'images/scene-break.svg', mediaType: 'image/svg+xml', template: 'scene-break.svg' },
]

/**
 * Lay out every page of a book whose texts are rendered (text.ts) through
 * the templates: title page, front matter, one document per chapter (scenes
 * joined by scene breaks, the end note as a labelled aside), back matter.
 */
export function renderBook(
  book: TypesetBook,
  options: NormaliseOptions = {},
  memo?: RenderMemo,
  images?: Pick<BookImages, 'resources'>,
): RenderedBook {
  const { metadata, templates } = book
  const labels = labelsFor(metadata.language)
  let inline: ReturnType<typeof createNormaliser> | undefined
  const typeset = (text: string): string => {
    const known = memo?.title(text)
    if (known !== undefined) return known
    inline ??= createNormaliser(options)
    const result = typesetInline(text, inline)
    memo?.rememberTitle(text, result)
    return result
  }
  // What every chapter page is made of besides its own parts: the templates and the language.
  const layout = memo ? createHash('sha1').update(JSON.stringify([...templates], null, 0)).update(metadata.language).update(JSON.stringify(options)).digest('base64url') : ''
  const fragment = (text: RenderedText): string => text.xhtml
  const page = (view: PageView): string => fill(templates, view.template, { ...view, lang: metadata.language, css: '../css/book.css' })

  const documents: ContentDocument[] = []
  const title = typeset(metadata.title)
  documents.push({
    id: 'titlepage',
    href: 'text/titlepage.xhtml',
    title: labels.titlePage,
    matter: 'front',
    type: 'titlepage',
    toc: [],
    xhtml: page({
      template: 'titlepage.xhtml',
      pageTitle: stripInvisibles(title),
      title,
      subtitle: metadata.subtitle ? typeset(metadata.subtitle) : undefined,
      authors: metadata.authors.map((author) => ({ name: typeset(author.name) })),
      by: labels.by,
    }),
  })

  const matter = (entry: TypesetPage, where: 'front' | 'back'): ContentDocument => {
    const heading = typeset(entry.title)
    const href = `text/${entry.slug}.xhtml`
    const semantics = matterSemantics(entry.slug, where)
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
        body: fragment(entry.text),
      }),
    }
  }

  documents.push(...book.front.map((entry) => matter(entry, 'front')))

  /** A chapter page's key: everything it is made of, texts by their content keys; none when a text has no key. */
  const chapterKey = (chapter: TypesetChapter): string | undefined => {
    const texts = [...chapter.scenes, ...(chapter.endNote ? [chapter.endNote] : [])]
    if (!memo || texts.some((text) => text.key === undefined)) return undefined
    return JSON.stringify([layout, chapter.slug, chapter.number, chapter.title, chapter.endNote ? 1 : 0, ...texts.map((text) => text.key)])
  }
  const remembered = (key: string | undefined, make: () => string): string => {
    const known = key === undefined ? undefined : memo?.page(key)
    if (known !== undefined) return known
    const xhtml = make()
    if (key !== undefined) memo?.rememberPage(key, xhtml)
    return xhtml
  }

  for (const chapter of book.chapters) {
    const heading = typeset(chapter.title)
    const href = `text/${chapter.slug}.xhtml`
    const noteId = `${chapter.slug}-note`
    const scenes = chapter.scenes.map((scene) => ({ body: fragment(scene) }))
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
      xhtml: remembered(chapterKey(chapter), () =>
        page({
          template: 'chapter.xhtml',
          pageTitle: stripInvisibles(heading),
          id: chapter.slug,
          number: chapter.number,
          heading,
          scenes: scenes.map((scene, index) => ({ ...scene, first: index === 0 })),
          sceneBreakLabel: labels.sceneBreak,
          endNote: chapter.endNote ? { id: noteId, label: labels.authorsNote, body: fragment(chapter.endNote) } : undefined,
        }),
      ),
    })
  }

  documents.push(...book.back.map((entry) => matter(entry, 'back')))

  const resources: Resource[] = styleResources.map(({ template, ...resource }) => ({
    ...resource,
    data: templates.get(template) ?? '',
  }))
  resources.push(...(images?.resources ?? []))
  return { documents, resources }
}

/**
 * What an earlier build already laid out (the build cache keeps it): titles
 * typeset with the same options, and chapter pages by what they are made of
 * (templates, language, the chapter's own fields and its texts' content keys).
 * A page from the memo is the very string of the last build, which makes
 * the next stages' lookups of it cheap.
 */
export interface RenderMemo {
  title(text: string): string | undefined
  rememberTitle(text: string, typeset: string): void
  page(key: string): string | undefined
  rememberPage(key: string, xhtml: string): void
}

interface PageView {
  template: string
  pageTitle: string
  [key: string]: unknown
}

/** ARIA roles for the `epub:type`s a page's name can give it (DPUB-ARIA). */
const roles: Record<string, string> = {
  dedication: 'doc-dedication',
  epigraph: 'doc-epigraph',
  foreword: 'doc-foreword',
  preface: 'doc-preface',
  prologue: 'doc-prologue',
  epilogue: 'doc-epilogue',
  afterword: 'doc-afterword',
  acknowledgments: 'doc-acknowledgments',
  colophon: 'doc-colophon',
}

/** The `epub:type` (and matching role, where ARIA has one) of a matter page, from its name. */
function matterSemantics(slug: string, where: 'front' | 'back'): { type: string; role?: string } {
  const base = slug.replace(/-\d+$/, '')
  const role = roles[base]
  if (role) return { type: base, role }
  return { type: where === 'front' ? 'frontmatter' : 'backmatter' }
}

export type { Metadata }
