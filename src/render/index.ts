import type { BookImages } from '../load/images.ts'
import type { Metadata } from '../load/metadata.ts'
import { createNormaliser, stripInvisibles, typesetInline, type NormalisedBook, type NormalisedPage, type NormaliseOptions, type Text } from '../normalise/index.ts'
import { labelsFor, type Labels } from './labels.ts'
import { fill } from './template.ts'
import { toXhtmlFragment } from './to-xhtml.ts'
import type { ContentDocument, RenderedBook, Resource } from './types.ts'

export type { ContentDocument, RenderedBook, Resource, TocEntry } from './types.ts'
export { labelsFor, type Labels } from './labels.ts'
export { fill, escapeXml } from './template.ts'

/** Resources every book carries, from the templates folder. */
const styleResources: Array<Omit<Resource, 'data'> & { template: string }> = [
  { id: 'css', href: 'css/book.css', mediaType: 'text/css', template: 'book.css' },
  { id: 'scene-break', href: 'images/scene-break.svg', mediaType: 'image/svg+xml', template: 'scene-break.svg' },
]

/**
 * Render every page of a normalised book through the templates: title page,
 * front matter, one document per chapter (scenes joined by scene breaks, the
 * end note as a labelled aside), back matter.
 */
export function renderBook(book: NormalisedBook, options: NormaliseOptions = {}, images?: Pick<BookImages, 'resources' | 'byText'>): RenderedBook {
  const { metadata, templates } = book
  const labels = labelsFor(metadata.language)
  const inline = createNormaliser(options)
  const typeset = (text: string): string => typesetInline(text, inline)
  const fragment = (text: Text): string =>
    toXhtmlFragment(text.tree, { sceneBreakLabel: labels.sceneBreak, file: text.file, images: images?.byText.get(text.file.path) ?? new Map() })
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

  const matter = (entry: NormalisedPage, where: 'front' | 'back'): ContentDocument => {
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
      xhtml: page({
        template: 'chapter.xhtml',
        pageTitle: stripInvisibles(heading),
        id: chapter.slug,
        number: chapter.number,
        heading,
        scenes: scenes.map((scene, index) => ({ ...scene, first: index === 0 })),
        sceneBreakLabel: labels.sceneBreak,
        endNote: chapter.endNote ? { id: noteId, label: labels.authorsNote, body: fragment(chapter.endNote) } : undefined,
      }),
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
