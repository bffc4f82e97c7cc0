import type { Element, ElementContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import mammoth from 'mammoth'
import type { VFile } from 'vfile'
import { hastText, wholly } from '../blocks/text.ts'
import type { Block } from '../blocks/types.ts'
import type { ImportedImage } from '../types.ts'
import { citeNotes } from '../blocks/footnotes.ts'
import { takeNotes } from './notes.ts'
import type { ParagraphScan } from './rules.ts'

/**
 * A DOCX body to blocks, through mammoth. mammoth gives clean HTML (styles
 * to headings, runs to `em`/`strong`, images, lists, tables, footnotes) but
 * drops paragraph alignment, which is how a writer without heading styles
 * marks a chapter title or an ornament. So before mammoth renders its
 * document model, each paragraph is given a bookmark named for its number
 * and its `w:jc`; the bookmark comes out as an empty `<a id>` inside the
 * block, which tells each block its place and alignment and is then removed.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='Author'] => p.doc-author:fresh",
  "p[style-name='Date'] => p.doc-date:fresh",
  "p[style-name='Abstract'] => p.doc-abstract:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Body Text'] => p:fresh",
  "p[style-name='First Paragraph'] => p:fresh",
  "p[style-name='Compact'] => p:fresh",
  'small-caps => span.small-caps',
  // A table of contents Word or LibreOffice generated is apparatus: colophon makes its own.
  "p[style-name^='toc'] => !",
  "p[style-name^='TOC'] => !",
  "p[style-name^='Contents'] => !",
]

const MARK = /^colophon-p(\d+)-([a-z]*)$/

const IMAGE_TYPES: Record<string, ImportedImage['mediaType']> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/svg+xml': 'image/svg+xml',
}

interface MammothElement {
  type: string
  children?: MammothElement[]
  alignment?: string | null
  name?: string
}

export interface Converted {
  blocks: Block[]
  images: ImportedImage[]
  /** How many paragraphs mammoth read, to line up with `scanParagraphs`. */
  paragraphs: number
}

export async function convertDocx(file: VFile, data: Uint8Array, scan: ParagraphScan): Promise<Converted> {
  let paragraphs = 0
  const mark = (element: MammothElement): void => {
    if (element.type === 'paragraph') {
      paragraphs++
      element.children = [{ type: 'bookmarkStart', name: `colophon-p${paragraphs}-${element.alignment ?? ''}` }, ...(element.children ?? [])]
    }
    for (const child of element.children ?? []) if (child.type !== 'bookmarkStart') mark(child)
  }
  const images: ImportedImage[] = []
  const convertImage = mammoth.images.imgElement(async (image) => {
    const mediaType = IMAGE_TYPES[image.contentType]
    if (!mediaType) {
      file.info(`image of type ${image.contentType} left out: colophon carries PNG, JPEG, GIF and SVG`, { ruleId: 'import-image', source: 'colophon-import' })
      return { src: '' }
    }
    const name = `image-${images.length + 1}.${mediaType === 'image/jpeg' ? 'jpg' : mediaType.slice(6).replace('+xml', '')}`
    images.push({ name, mediaType, data: new Uint8Array(await image.readAsBuffer()) })
    return { src: `images/${name}` }
  })
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
    {
      styleMap: STYLE_MAP,
      convertImage,
      idPrefix: '',
      externalFileAccess: false,
      transformDocument: (document: MammothElement) => {
        mark(document)
        return document
      },
    },
  )
  // The rules were counted in document.xml; should mammoth have met another number of paragraphs, the numbers do not line up.
  const rules = paragraphs === scan.count ? scan.rules : new Set<number>()
  if (paragraphs !== scan.count && scan.rules.size > 0) {
    file.info(`horizontal rules in word/document.xml not placed: mammoth read ${paragraphs} paragraphs, the XML has ${scan.count}`, { ruleId: 'import-scene-break', source: 'colophon-import' })
  }
  const tree = fromHtml(result.value, { fragment: true })
  const notes = takeNotes(tree)
  const blocks: Block[] = []
  for (const node of tree.children) {
    if (node.type !== 'element') continue
    const marks = anchors(node)
    const first = marks[0]
    const number = first ? Number(first[1]) : 0
    const alignment = first?.[2] ?? ''
    const unwrapped = unwrapAnchors(node)
    if (Array.isArray(unwrapped) || unwrapped.type !== 'element') continue
    const clean = unwrapped
    dropEmptyImages(clean)
    const text = hastText(clean).replace(/\s+/g, ' ').trim()
    const level = /^h([1-6])$/.exec(clean.tagName)?.[1]
    const classes = (clean.properties.className ?? []) as string[]
    const role = classes.find((name) => name.startsWith('doc-'))?.slice(4) as Block['role']
    const rule = marks.some((match) => rules.has(Number(match[1]))) && text === ''
    if (text === '' && !rule && !hasImage(clean)) continue
    const block: Block = {
      node: clean,
      text,
      where: `word/document.xml, paragraph ${number}`,
      centred: alignment === 'center',
      bold: text !== '' && wholly(clean, ['strong', 'b'], text),
      italic: text !== '' && wholly(clean, ['em', 'i'], text),
      ...(level && role !== 'title' ? { heading: Number(level) } : {}),
      ...(role ? { role } : {}),
      rule,
    }
    citeNotes(block, notes)
    block.node = settleLinks(file, block.node, block.where)
    blocks.push(block)
  }
  return { blocks, images, paragraphs }
}

/** mammoth leaves an empty paragraph, which alone is never a break; a rule's paragraph is read from `rules`. */
function anchors(node: Element): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  const walk = (current: ElementContent): void => {
    if (current.type !== 'element') return
    const id = current.properties.id
    const match = current.tagName === 'a' && typeof id === 'string' ? MARK.exec(id) : null
    if (match) found.push(match)
    current.children.forEach(walk)
  }
  walk(node)
  return found
}

/** Bookmarks (ours and the writer's `_GoBack`) are `a` without `href`: their text stays, the element goes. */
function unwrapAnchors(node: ElementContent): ElementContent | ElementContent[] {
  if (node.type !== 'element') return node
  const children = node.children.flatMap((child) => unwrapAnchors(child))
  if (node.tagName === 'a' && node.properties.href === undefined) return children
  return { ...node, children }
}

function dropEmptyImages(node: Element): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'img' && !child.properties.src))
  for (const child of node.children) if (child.type === 'element') dropEmptyImages(child)
}

function hasImage(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasImage(child)))
}

/**
 * Links a manuscript can keep are absolute http(s) and mailto ones; Word's
 * links to its own bookmarks (`#_Toc…`, cross-references) are unwrapped to
 * their text. An image without a description gets `Image`, which colophon
 * needs to build, with a message asking for a real one.
 */
function settleLinks(file: VFile, node: Element, where: string): Element {
  const children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child]
    const settled = settleLinks(file, child, where)
    if (child.tagName === 'img' && !child.properties.alt) {
      file.info(`image without a description: given \`Image\`, describe it in its alt text (${where})`, { ruleId: 'import-image', source: 'colophon-import' })
      return [{ ...settled, properties: { ...settled.properties, alt: 'Image' } }]
    }
    const href = typeof child.properties.href === 'string' ? child.properties.href : undefined
    return child.tagName === 'a' && !(href && /^(?:https?:\/\/|mailto:)/i.test(href)) ? settled.children : [settled]
  })
  return { ...node, children }
}
