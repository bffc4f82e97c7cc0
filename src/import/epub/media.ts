import type { Element, ElementContent } from 'hast'
import type { VFile } from 'vfile'
import type { Package } from '../package/zip.ts'
import { resolveInside } from '../package/zip.ts'
import type { ImportedImage } from '../types.ts'
import type { ManifestItem } from './opf.ts'

const TYPES = new Set<ImportedImage['mediaType']>(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'])

/**
 * The images a book's texts use, each once, named after its file in the
 * package (made XML- and file-safe, and unique).
 */
export class ImageShelf {
  readonly images: ImportedImage[] = []
  private readonly byPath = new Map<string, string>()

  constructor(
    private readonly pkg: Package,
    private readonly manifest: ReadonlyMap<string, ManifestItem>,
  ) {}

  /** The `images/<name>` a text should reference for the package entry `path`, or undefined when it is no image colophon carries. */
  async place(path: string): Promise<string | undefined> {
    const known = this.byPath.get(path)
    if (known) return known
    const item = [...this.manifest.values()].find((entry) => entry.path === path)
    const mediaType = (item?.mediaType ?? '') as ImportedImage['mediaType']
    if (!TYPES.has(mediaType)) return undefined
    const data = await this.pkg.bytes(path)
    if (!data) return undefined
    const stem = (path.split('/').pop() ?? 'image').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'image'
    const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg' }[mediaType]
    let name = `${stem}.${extension}`
    for (let n = 2; this.images.some((image) => image.name === name); n++) name = `${stem}-${n}.${extension}`
    this.images.push({ name, mediaType, data })
    this.byPath.set(path, `images/${name}`)
    return `images/${name}`
  }
}

/**
 * A block's links and images made safe for a manuscript: an image from
 * inside the package is carried (`images/<name>`), any other (remote, a
 * `data:` URL, missing) is left out with a message; a link that is not an
 * absolute http(s) or mailto URL (one to another chapter, a note, a script)
 * is unwrapped to its text.
 */
export async function settleReferences(file: VFile, node: Element, from: string, shelf: ImageShelf, where: string): Promise<Element> {
  const children: ElementContent[] = []
  for (const child of node.children) {
    if (child.type !== 'element') {
      children.push(child)
      continue
    }
    if (child.tagName === 'img') {
      const src = typeof child.properties.src === 'string' ? child.properties.src : ''
      const path = resolveInside(from, src)
      const placed = path ? await shelf.place(path) : undefined
      const alt = typeof child.properties.alt === 'string' && child.properties.alt.trim() !== '' ? child.properties.alt : undefined
      if (placed && !alt) file.info(`image without a description: given \`Image\`, describe it in its alt text (${where})`, { ruleId: 'import-image', source: 'colophon-import' })
      if (placed) children.push({ ...child, properties: { src: placed, alt: alt ?? 'Image' } })
      else file.info(`image \`${src.slice(0, 80)}\` left out: only images inside the EPUB are carried (${where})`, { ruleId: 'import-image', source: 'colophon-import' })
      continue
    }
    const settled = await settleReferences(file, child, from, shelf, where)
    const href = typeof child.properties.href === 'string' ? child.properties.href : undefined
    if (child.tagName === 'a' && !(href && /^(?:https?:\/\/|mailto:)/i.test(href))) children.push(...settled.children)
    else children.push(settled)
  }
  return { ...node, children }
}
