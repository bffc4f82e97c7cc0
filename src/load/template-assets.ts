import { isAbsolute, join, posix, resolve } from 'node:path'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import { cssUrls } from '../css-urls.ts'
import { binaryMediaType, FONT_TYPES, IMAGE_TYPES } from '../media-types.ts'
import { svgProblem } from './images.ts'
import { isRefusal, NOT_FOUND, readInside, type Manuscript } from './open.ts'
import { displayPath } from './read-text.ts'
import { Slugger } from './slug.ts'

/** A font or image a template of the manuscript names, carried by the book. */
export interface BookAsset {
  id: string
  /** Path inside the EPUB's content folder: the template's URL resolved from where the template's output sits. */
  href: string
  mediaType: string
  data: Uint8Array
}

/**
 * Where each template's output sits in the EPUB's content folder. A URL in a
 * template is written for that place (`url(fonts/body.woff2)` in book.css is
 * `css/fonts/body.woff2`), and the file is looked up at the same path from
 * the template in the manuscript (`templates/fonts/body.woff2`): the URL is
 * never rewritten. See docs/decisions/0028-template-resources.md.
 */
const OUTPUT: Record<string, string> = {
  'book.css': 'css/book.css',
  'nav.xhtml': 'nav.xhtml',
  'chapter.xhtml': 'text/chapter.xhtml',
  'colophon.xhtml': 'text/colophon.xhtml',
  'cover.xhtml': 'text/cover.xhtml',
  'matter.xhtml': 'text/matter.xhtml',
  'titlepage.xhtml': 'text/titlepage.xhtml',
  'warnings.xhtml': 'text/warnings.xhtml',
}

/** What the build itself makes: a URL to one of these names no file of the manuscript. */
const MADE = /^(?:css\/book\.css|images\/scene-break\.svg|images\/cover\.(?:png|jpg)|nav\.xhtml|toc\.ncx|content\.opf|text\/[^/]+\.xhtml)$/

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i

interface Reference {
  url: string
  offset?: number
  place?: { line: number; column: number }
  kind: 'url' | 'import' | 'attribute'
}

/**
 * Read every font and image the manuscript's own templates name (CSS
 * `url()`, `src` and `href` of the XHTML skeletons). Each must be a file
 * inside the manuscript, read as every file of it is (`open.ts`: links
 * followed, FIFOs, folders and permissions refused in words), and a font (WOFF2, WOFF, OpenType, TrueType) or an
 * image (JPEG, PNG, GIF, SVG) by its bytes; anything else is a fatal message
 * at the template's line and column. Remote and `data:` URLs are left to the
 * sanitisers; colophon's own templates name only what the build makes.
 */
export async function loadTemplateAssets(manuscript: Manuscript, own: ReadonlyMap<string, string>): Promise<{ assets: BookAsset[]; problems: VFileMessage[] }> {
  const assets = new Map<string, BookAsset>()
  const problems: VFileMessage[] = []
  const slugs = new Slugger()
  const { folder: root, cwd } = manuscript
  for (const [name, text] of own) {
    const output = OUTPUT[name]
    if (!output) continue
    const path = join(root, 'templates', name)
    const file = new VFile({ path: displayPath(path, cwd), cwd, value: text })
    const where = location(file)
    const references = name.endsWith('.css') ? cssUrls(text).map((found) => ({ ...found })) : await xhtmlReferences(text)
    for (const reference of references as Reference[]) {
      const place = reference.place ?? where.toPoint(reference.offset ?? 0)
      const fail = (reason: string, ruleId: string): void => {
        const message = file.message(reason, { place, ruleId, source: 'colophon-templates' })
        message.fatal = true
        problems.push(message)
      }
      const { url } = reference
      // Filled in by the template engine, a link inside the page, or remote (refused by the sanitisers).
      if (url.includes('{{') || url.startsWith('#') || url.trim() === '' || SCHEME.test(url)) continue
      // `@import` is refused by the CSS check (css-check.ts), for every style sheet.
      if (reference.kind === 'import') continue
      let decoded = url.split(/[?#]/)[0] ?? ''
      try {
        decoded = decodeURIComponent(decoded)
      } catch {
        // A lone `%` is a file name character, not an escape.
      }
      if (isAbsolute(decoded) || decoded.startsWith('/')) {
        fail(`Unexpected absolute path \`${url}\`, expected a path relative to this template, inside the manuscript folder`, 'template-resource-outside')
        continue
      }
      const href = posix.normalize(posix.join(posix.dirname(output), decoded.replaceAll('\\', '/')))
      if (href === '..' || href.startsWith('../')) {
        fail(`Unexpected path \`${url}\` that leads outside the book, expected a file inside the manuscript folder`, 'template-resource-outside')
        continue
      }
      if (MADE.test(href)) continue
      if (!/^[A-Za-z0-9._~/-]+$/.test(href)) {
        fail(`Unexpected file name in \`${url}\`, expected only letters, digits, \`-\`, \`_\` and \`.\` (an EPUB names its files as URLs: rename it)`, 'template-resource-name')
        continue
      }
      const wanted = resolve(root, 'templates', decoded)
      if (assets.has(href)) continue
      const read = readInside(manuscript, wanted)
      if (isRefusal(read)) {
        if (read.ruleId === 'outside') fail(`Unexpected path \`${url}\` that ${read.reason.replace(/^it /, '')}`, 'template-resource-outside')
        else if (read.reason === NOT_FOUND) fail(`Unexpected missing file \`${url}\`, expected a file at \`${displayPath(wanted, cwd)}\``, 'template-resource-missing')
        else fail(`Unexpected \`${url}\` that cannot be read: ${read.reason}`, read.ruleId === 'not-a-file' ? 'template-resource-type' : 'template-resource-unreadable')
        continue
      }
      const data = new Uint8Array(read)
      const mediaType = binaryMediaType(data)
      if (!mediaType || !([...FONT_TYPES, ...IMAGE_TYPES] as string[]).includes(mediaType)) {
        const what = mediaType === 'image/webp' ? 'a WebP image (EPUB 3.2 readers need not show it: convert it)' : 'a file that is neither a font nor an image by its content'
        fail(`Unexpected \`${url}\`: ${what}, expected a font (WOFF2, WOFF, OpenType, TrueType) or an image (JPEG, PNG, GIF, SVG)`, 'template-resource-type')
        continue
      }
      const svg = mediaType === 'image/svg+xml' ? svgProblem(data) : undefined
      if (svg) {
        fail(`Unexpected SVG image \`${url}\`: ${svg}`, 'template-resource-type')
        continue
      }
      assets.set(href, { id: `asset-${slugs.slug(href.replace(/\.[^./]*$/, '').replaceAll('/', '-'))}`, href, mediaType, data })
    }
  }
  return { assets: [...assets.values()].sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0)), problems }
}

/** `src` and `href` of an XHTML skeleton's elements (SVG's `xlink:href` too), at their element's place. */
async function xhtmlReferences(text: string): Promise<Reference[]> {
  // Loaded only for a manuscript that has XHTML templates of its own.
  const { fromHtml } = await import('hast-util-from-html')
  const { visit } = await import('unist-util-visit')
  const references: Reference[] = []
  visit(fromHtml(text), 'element', (node) => {
    for (const key of ['src', 'href', 'xLinkHref'] as const) {
      const value = node.properties[key]
      if (typeof value === 'string' && node.position) references.push({ url: value, place: node.position.start, kind: 'attribute' })
    }
  })
  return references
}
