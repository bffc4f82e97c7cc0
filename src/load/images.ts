import { realpath } from 'node:fs/promises'
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Definition, Image, ImageReference, Nodes, Root } from 'mdast'
import { SaxesParser } from 'saxes'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { inWords, isRefusal, readInside, type Manuscript } from './open.ts'
import { Slugger } from './slug.ts'

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

/** An SVG file begins, after an optional XML declaration, comments and doctype, with `<svg`. */
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>/]/

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
  const result: BookImages = { resources: [], byText: new Map(), problems: [] }
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
      const image = await readImage(manuscript, file, url, fail)
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

async function readImage(manuscript: Manuscript, file: VFile, url: string, fail: Fail): Promise<{ path: string; type: string; data: Uint8Array } | undefined> {
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
  if (type === 'svg') {
    const problem = svgProblem(data)
    if (problem) {
      fail(`Unexpected SVG image \`${url}\`: ${problem}`, 'image-svg')
      return undefined
    }
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

/** Why an SVG file cannot go into the book as an image, if it cannot. */
export function svgProblem(data: Uint8Array): string | undefined {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return 'its bytes are not UTF-8, expected a UTF-8 SVG file'
  }
  const parser = new SaxesParser({ xmlns: true, position: true })
  let problem: string | undefined
  let root: string | undefined
  parser.on('error', (error) => {
    problem ??= `it is not well-formed XML (${error.message}), expected a well-formed SVG file`
  })
  parser.on('opentag', (tag) => {
    root ??= `${tag.uri} ${tag.local}`
    if (tag.local === 'script' || tag.local === 'foreignObject') problem ??= `it holds \`<${tag.local}>\`, expected a plain drawing`
    for (const attribute of Object.values(tag.attributes)) {
      if (/^on/i.test(attribute.local)) problem ??= `it holds the event handler \`${attribute.name}\`, expected a plain drawing`
      if (attribute.local === 'href' && !attribute.value.startsWith('#')) problem ??= `it refers to \`${attribute.value}\`, expected a drawing that refers to nothing outside itself`
    }
  })
  parser.write(text).close()
  if (!problem && root !== 'http://www.w3.org/2000/svg svg') return 'its root is not an `<svg>` element in the SVG namespace'
  return problem
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}
