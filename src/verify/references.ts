import { posix } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { cssUrls } from '../css-urls.ts'
import { binaryMediaType } from '../media-types.ts'
import { imagesWithoutSrc, ncxPlayOrderProblems } from './schema-rules.ts'
import { pointAt as pointOf } from '../text-point.ts'

/** A file of the EPUB as the zip holds it (or is about to). */
export interface BookEntry {
  path: string
  data: string | Uint8Array
}

interface ManifestItem {
  href: string
  mediaType: string
  /** Path of the file in the zip. */
  path: string
  /** Offset of the `<item>` in the package document. */
  offset: number
}

/** Media types that name the same kind of font bytes (EPUB 3.3 keeps the older names as core types). */
const FONT_ALIASES: Record<string, readonly string[]> = {
  'font/woff2': ['font/woff2'],
  'font/woff': ['font/woff', 'application/font-woff'],
  'font/ttf': ['font/ttf', 'font/otf', 'application/font-sfnt', 'application/vnd.ms-opentype'],
  'font/otf': ['font/otf', 'font/ttf', 'application/font-sfnt', 'application/vnd.ms-opentype'],
}

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i

/**
 * The package's promises kept: every file a page or style sheet refers to
 * (`src`, `href`, CSS `url()`) is in the manifest, every manifest item is a
 * file of the book whose bytes are what its media type says, and (unless
 * `unlisted` is false: an EPUB colophon did not make) every file is in the
 * manifest. Returns fatal messages at the place of each problem,
 * so a book EPUBCheck would fail is never written.
 */
export function verifyReferences(entries: readonly BookEntry[], bookName = 'book.epub', options: { unlisted?: boolean } = {}): VFileMessage[] {
  const problems: VFileMessage[] = []
  const byPath = new Map(entries.filter((entry) => !entry.path.endsWith('/')).map((entry) => [entry.path, entry]))
  const container = byPath.get('META-INF/container.xml')
  const opfPath = container && /full-path\s*=\s*"([^"]+)"/.exec(textOf(container.data))?.[1]
  const opf = opfPath && byPath.get(opfPath)
  // Without a package document the container checks already failed the book.
  if (!opfPath || !opf) return problems
  const opfText = textOf(opf.data)
  const fail = (path: string, text: string | undefined, offset: number | undefined, reason: string, ruleId: string): void => {
    const place = text !== undefined && offset !== undefined ? pointOf(text, offset) : undefined
    const message = new VFile({ path: `${bookName}/${path}` }).message(reason, { place, ruleId, source: 'colophon-verify' })
    message.fatal = true
    problems.push(message)
  }

  const manifest = manifestOf(opfText, posix.dirname(opfPath))
  const items = new Map(manifest.map((item) => [item.path, item]))
  for (const item of manifest) {
    const entry = byPath.get(item.path)
    if (!entry) {
      fail(opfPath, opfText, item.offset, `Unexpected manifest item \`${item.href}\` with no file in the book, expected \`${item.path}\``, 'manifest-missing')
      continue
    }
    const problem = mediaTypeProblem(item.mediaType, entry.data)
    if (problem) fail(opfPath, opfText, item.offset, `Unexpected media type \`${item.mediaType}\` for \`${item.href}\`: ${problem}`, 'manifest-media-type')
  }
  // A file the manifest leaves out is only a note for EPUBCheck (OPF-003), but never made by colophon.
  for (const entry of options.unlisted === false ? [] : entries) {
    if (entry.path.endsWith('/') || entry.path === 'mimetype' || entry.path.startsWith('META-INF/') || entry.path === opfPath || items.has(entry.path)) continue
    fail(entry.path, undefined, undefined, `Unexpected file \`${entry.path}\` that is not in the manifest, expected every file of the book listed in \`${opfPath}\``, 'manifest-unlisted')
  }

  for (const item of manifest) {
    const entry = byPath.get(item.path)
    if (!entry) continue
    const isPage = item.mediaType === 'application/xhtml+xml' || item.mediaType === 'image/svg+xml'
    if (!isPage && item.mediaType !== 'text/css') continue
    const text = textOf(entry.data)
    for (const { url, offset } of isPage ? attributeUrls(text) : cssUrls(text)) {
      if (url === '' || url.startsWith('#') || SCHEME.test(url)) continue
      const target = resolveUrl(item.path, url)
      if (target === undefined || !items.has(target)) {
        fail(item.path, text, offset, `Unexpected reference to \`${url}\`, which is not a file of the book, expected a file listed in the manifest`, 'reference-missing')
      }
    }
    if (item.mediaType === 'application/xhtml+xml') for (const problem of imagesWithoutSrc(text)) fail(item.path, text, problem.offset, problem.reason, problem.ruleId)
  }
  // What a book's own templates can get wrong that EPUBCheck's schemas catch (schema-rules.ts).
  for (const item of manifest) {
    const entry = item.mediaType === 'application/x-dtbncx+xml' ? byPath.get(item.path) : undefined
    if (!entry) continue
    const text = textOf(entry.data)
    for (const problem of ncxPlayOrderProblems(text)) fail(item.path, text, problem.offset, problem.reason, problem.ruleId)
  }
  return problems
}

/** The `<item>`s of the package document's manifest. */
function manifestOf(opf: string, folder: string): ManifestItem[] {
  const items: ManifestItem[] = []
  for (const match of opf.matchAll(/<item\s[^>]*>/g)) {
    const attributes = new Map([...match[0].matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)].map(([, name, value]) => [name!, decodeXml(value!)]))
    const href = attributes.get('href')
    if (href === undefined) continue
    const path = resolveUrl(`${folder === '.' ? '' : `${folder}/`}x`, href)
    items.push({ href, mediaType: attributes.get('media-type') ?? '', path: path ?? href, offset: match.index })
  }
  return items
}

/** Why `data` is not what `mediaType` says, if it is not. */
function mediaTypeProblem(mediaType: string, data: string | Uint8Array): string | undefined {
  const bytes = typeof data === 'string' ? undefined : data
  const found = bytes ? binaryMediaType(bytes) : undefined
  const isFont = mediaType.startsWith('font/') || mediaType in { 'application/font-woff': 1, 'application/font-sfnt': 1, 'application/vnd.ms-opentype': 1 }
  if (isFont || (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml')) {
    const accepted = found && (FONT_ALIASES[found] ?? [found])
    if (!accepted || !accepted.includes(mediaType)) return `its bytes are ${found ? `\`${found}\`` : 'neither a font nor an image'}, expected what the media type says`
    return undefined
  }
  if (mediaType === 'image/svg+xml' && bytes && found !== 'image/svg+xml') return 'its bytes are not an SVG image, expected an SVG document'
  // Text: a page, a style sheet, the NCX. Bytes that sniff as a font or an image are not.
  if (found && found !== 'image/svg+xml') return `its bytes are \`${found}\`, expected text`
  return undefined
}

/**
 * `src`, `href` and `xlink:href` values of a page's elements, by offset:
 * only inside tags, since text holds no raw `<`. Found with `indexOf`, which
 * is several times faster than a regular expression over a long book's pages.
 */
function attributeUrls(text: string): Array<{ url: string; offset: number }> {
  const found: Array<{ url: string; offset: number }> = []
  for (const name of ['src', 'href']) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const start = name === 'href' && text.startsWith('xlink:', at - 6) ? at - 6 : at
      if (!isSpace(text.charCodeAt(start - 1))) continue
      let index = at + name.length
      while (isSpace(text.charCodeAt(index))) index++
      if (text[index] !== '=') continue
      index++
      while (isSpace(text.charCodeAt(index))) index++
      const quote = text[index]
      if (quote !== '"' && quote !== "'") continue
      const end = text.indexOf(quote, index + 1)
      if (end === -1 || text.lastIndexOf('<', start) <= text.lastIndexOf('>', start)) continue
      found.push({ url: decodeXml(text.slice(index + 1, end)), offset: start })
    }
  }
  return found.sort((a, b) => a.offset - b.offset)
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d
}

/** The zip path a URL in the file at `from` names, without its fragment; undefined when it leaves the container. */
function resolveUrl(from: string, url: string): string | undefined {
  let path = url.split(/[?#]/)[0] ?? ''
  try {
    path = decodeURIComponent(path)
  } catch {
    return undefined
  }
  if (path === '') return from
  const joined = posix.normalize(posix.join(posix.dirname(from), path))
  return joined.startsWith('../') || joined === '..' || joined.startsWith('/') ? undefined : joined
}

function decodeXml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (named[name]) return named[name]
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
  })
}

function textOf(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : new TextDecoder().decode(data)
}

/** Line and column (1-based) of an offset, for a message. */
