import { realpath } from 'node:fs/promises'
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Definition, Image, ImageReference, Nodes, Root } from 'mdast'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { inWords, isRefusal, readInside, type Manuscript } from './open.ts'
import { displayPath } from './read-text.ts'
import { MAX_PIXELS, pixelProblem } from './pixels.ts'
import { Slugger } from './slug.ts'
import { checkSvg } from './svg-check.ts'
import { SVG_START } from '../media-types.ts'

/** An image file the book carries. */
export interface BookImage {
  id: string
  /** Path inside the EPUB's content folder: `images/map.png`. */
  href: string
  mediaType: string
  data: Uint8Array
}

export interface BookImages {
  resources: BookImage[]
  /** Text file path → image URL as written in it → `src` for its XHTML (`../images/map.png`). */
  byText: Map<string, Map<string, string>>
  problems: VFileMessage[]
  /** Warnings about the image files (a removed DOCTYPE): each on the image's own file. */
  warnings: VFileMessage[]
}

/**
 * What the bytes may be, by what image-size finds in them: the core image
 * media types of EPUB 3.2, which EPUBCheck 4 applies. (WebP became core only
 * in EPUB 3.3; a WebP image is an error with a hint to convert it.)
 */
const kinds: Record<string, { mediaType: string; extension: string }> = {
  jpg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
  gif: { mediaType: 'image/gif', extension: 'gif' },
  svg: { mediaType: 'image/svg+xml', extension: 'svg' },
}

/** Hrefs the templates already use under images/. */
const RESERVED = ['scene-break', 'cover', 'cover-image']

/**
 * Find every Markdown image of the book's texts, and read the files they
 * name. Each must be alt-texted, local, inside the manuscript folder (after
 * following symlinks), and really an image by its bytes; anything else is a
 * fatal message at the image's place. Remote URLs are never fetched.
 * `taken` are hrefs the book already uses (fonts and images the templates name).
 */
export async function loadImages(folder: string, texts: Array<{ file: VFile; tree: Root }>, taken: readonly string[] = []): Promise<BookImages> {
  const result: BookImages = { resources: [], byText: new Map(), problems: [], warnings: [] }
  const root = await realpath(folder)
  const manuscript: Manuscript = { folder, real: root, cwd: process.cwd() }
  const byRealPath = new Map<string, BookImage>()
  const slugs = new Slugger()
  for (const name of RESERVED) slugs.slug(name)
  // Files the templates name under images/ keep their names: a text's image of the same name gets another.
  for (const href of taken) if (/^images\/[^/]+$/.test(href)) slugs.slug(href.slice('images/'.length).replace(/\.[^.]*$/, ''))
  for (const { file, tree } of texts) {
    const definitions = new Map<string, Definition>()
    const found: Array<{ node: Image | ImageReference; url: string }> = []
    walk(tree, (node) => {
      if (node.type === 'definition') definitions.set(node.identifier.toUpperCase(), node)
      if (node.type === 'image') found.push({ node, url: node.url })
      if (node.type === 'imageReference') found.push({ node, url: '' })
    })
    if (found.length === 0) continue
    const sources = new Map<string, string>()
    for (const entry of found) {
      const url = entry.node.type === 'imageReference' ? (definitions.get(entry.node.identifier.toUpperCase())?.url ?? '') : entry.url
      const fail = (reason: string, ruleId: string): void => {
        const message = file.message(reason, { place: entry.node.position, ruleId, source: 'colophon-images' })
        message.fatal = true
        result.problems.push(message)
      }
      if (!entry.node.alt?.trim()) {
        fail(`Unexpected image \`${url}\` without alt text, expected a description of it: \`![A map of the island](${url || 'map.png'})\``, 'image-alt')
      }
      const image = await readImage(manuscript, file, url, fail, result)
      if (!image) continue
      let resource = byRealPath.get(image.path)
      if (!resource) {
        const kind = kinds[image.type] as { mediaType: string; extension: string }
        const slug = slugs.slug(image.path.slice(image.path.lastIndexOf(sep) + 1, -extname(image.path).length || undefined))
        resource = { id: `image-${slug}`, href: `images/${slug}.${kind.extension}`, mediaType: kind.mediaType, data: image.data }
        byRealPath.set(image.path, resource)
        result.resources.push(resource)
      }
      sources.set(url, `../${resource.href}`)
    }
    result.byText.set(file.path, sources)
  }
  return result
}

type Fail = (reason: string, ruleId: string) => void

async function readImage(
  manuscript: Manuscript,
  file: VFile,
  url: string,
  fail: Fail,
  result: Pick<BookImages, 'problems' | 'warnings'>,
): Promise<{ path: string; type: string; data: Uint8Array } | undefined> {
  if (url === '') {
    fail('Unexpected image without a path, expected `![alt text](images/picture.png)`', 'image-path')
    return undefined
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    fail(`Unexpected remote image \`${url}\`, expected a file inside the manuscript folder (colophon never downloads images)`, 'image-remote')
    return undefined
  }
  let decoded = url
  try {
    decoded = decodeURIComponent(url)
  } catch {
    // A lone `%` is a file name character, not an escape.
  }
  if (isAbsolute(decoded)) {
    fail(`Unexpected absolute image path \`${url}\`, expected a path relative to this file, inside the manuscript folder`, 'image-outside')
    return undefined
  }
  const textFolder = dirname(resolve(file.cwd, file.path))
  const wanted = resolve(textFolder, decoded)
  const root = manuscript.real
  let real: string
  try {
    real = await realpath(wanted)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      fail(`Unexpected image \`${url}\` that cannot be read: ${inWords(error)}`, 'image-missing')
      return undefined
    }
    const outside = isOutside(root, wanted)
    fail(
      outside
        ? `Unexpected image path \`${url}\` outside the manuscript folder, expected a file inside it`
        : `Unexpected missing image \`${url}\`, expected a file at \`${relative(file.cwd, wanted)}\``,
      outside ? 'image-outside' : 'image-missing',
    )
    return undefined
  }
  if (isOutside(root, real)) {
    fail(`Unexpected image path \`${url}\` that leads outside the manuscript folder${real !== wanted ? ' (through a symbolic link)' : ''}, expected a file inside it`, 'image-outside')
    return undefined
  }
  // Opened as every file of the manuscript is (open.ts): a folder, FIFO or device is refused, never waited on.
  const data = readInside(manuscript, real)
  if (isRefusal(data)) {
    fail(`Unexpected image \`${url}\` that cannot be read: ${data.reason}`, data.ruleId === 'outside' ? 'image-outside' : 'image-missing')
    return undefined
  }
  const type = await sniff(data)
  if (type === 'webp') {
    fail(`Unexpected WebP image \`${url}\`, expected JPEG, PNG, GIF or SVG (EPUB 3.2 readers need not show WebP): convert it`, 'image-type')
    return undefined
  }
  if (!type || !(type in kinds)) {
    fail(`Unexpected file \`${url}\` that is not an image by its content, expected JPEG, PNG, GIF or SVG`, 'image-type')
    return undefined
  }
  if (type === 'svg') return checkedSvg(real, type, data, url, file, fail, result)
  const pixels = await pixelProblem(data)
  if (pixels) {
    fail(`Unexpected image \`${url}\` ${pixels}, expected at most ${MAX_PIXELS / 1_000_000} megapixels (a reader decodes an image whole: scale it down)`, 'image-size')
    return undefined
  }
  return { path: real, type, data }
}

function isOutside(root: string, path: string): boolean {
  const inside = relative(root, path)
  return inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)
}

/** The image type the bytes say, whatever the file's name: `png`, `jpg`, `svg`, `webp`, `bmp` … */
async function sniff(data: Uint8Array): Promise<string | undefined> {
  if (SVG_START.test(new TextDecoder().decode(data.subarray(0, 4096)))) return 'svg'
  // Loaded for the first image: most books have none.
  const { imageSize } = await import('image-size')
  try {
    const { type } = imageSize(data)
    return type === 'svg' ? undefined : type
  } catch {
    return undefined
  }
}

/** Why an SVG file cannot go into the book (the first error svg-check.ts finds), if it cannot: for the templates' own images. */
export function svgProblem(data: Uint8Array): string | undefined {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return 'its bytes are not UTF-8, expected a UTF-8 SVG file'
  }
  return checkSvg(text).findings.find((finding) => finding.severity === 'error')?.reason
}

/**
 * An SVG image as the book may carry it (svg-check.ts): each error is put on
 * the SVG file at its line and column, with a fatal message at the image's
 * reference saying why it is left out; warnings go on the SVG file.
 */
function checkedSvg(
  path: string,
  type: string,
  data: Uint8Array,
  url: string,
  file: VFile,
  fail: Fail,
  result: Pick<BookImages, 'problems' | 'warnings'>,
): { path: string; type: string; data: Uint8Array } | undefined {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    fail(`Unexpected SVG image \`${url}\`: its bytes are not UTF-8, expected a UTF-8 SVG file`, 'image-svg')
    return undefined
  }
  const checked = checkSvg(text)
  const svgFile = new VFile({ path: displayPath(path, file.cwd), cwd: file.cwd })
  let errors = 0
  for (const finding of checked.findings) {
    const message = svgFile.message(finding.reason, { place: finding.place, ruleId: 'svg-content', source: 'colophon-svg' })
    if (finding.severity === 'error') {
      message.fatal = true
      result.problems.push(message)
      errors++
    } else {
      result.warnings.push(message)
    }
  }
  if (errors > 0) {
    fail(`Unexpected SVG image \`${url}\` that is not a plain drawing (${errors} problem${errors === 1 ? '' : 's'} in it, listed at ${svgFile.path}), expected no script, handler or outside reference`, 'image-svg')
    return undefined
  }
  return { path, type, data: checked.text === text ? data : new TextEncoder().encode(checked.text) }
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}
