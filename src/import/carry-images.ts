import { extname, isAbsolute, posix } from 'node:path'
import type { VFile } from 'vfile'
import { NOT_FOUND } from '../load/open.ts'
import { asciiWords } from '../load/slug.ts'
import { binaryMediaType } from '../media-types.ts'
import { localImages, replaceImages } from './local-images.ts'
import { sourcePoint, type LineOrigins } from './source-map.ts'
import type { ImportedBook, ImportedImage } from './types.ts'

/**
 * What reading an image beside the story gave: its bytes and a key naming
 * the file it really is (its real path, so two ways of naming one file copy
 * it once), or why it was not read.
 */
export type ReadImage = (path: string) => { data: Uint8Array; key: string } | { reason: string }

/**
 * Images a Markdown or HTML story names beside it (`![A map](map.png)`,
 * `<img src="art/map.png">`), carried into the imported manuscript as pandoc
 * carries them into its EPUB: each file is read through `read` (the caller's
 * guarded open, which reads only inside the story's folder) and becomes
 * `images/<name>`, the text's destination rewritten to it. A path that leads
 * out of the folder (absolute, `..`), a file that is missing or is no JPEG,
 * PNG, GIF or SVG is not read or not carried: a warning at its place in the
 * source (`import-image`, the path as typed in `actual`), the text kept as
 * typed, so the build fails at it as a manuscript's build would. Remote
 * images are left to the load, which refuses them. Pure but for `read`.
 */
export function carryImages(book: ImportedBook, file: VFile, read: ReadImage): void {
  const byKey = new Map<string, string>()
  const taken = new Set(book.images.map((image) => image.name.toLowerCase()))
  if (book.cover) taken.add(book.cover.name.toLowerCase())
  const story = file.basename ?? 'the story'
  const folder = posix.dirname((file.path ?? '').split('\\').join('/'))

  const carry = (text: string, lines: LineOrigins | undefined, where: string): string => {
    const found = localImages(text)
    if (found.length === 0) return text
    return replaceImages(text, found, (image) => {
      const warn = (reason: string): undefined => {
        const place = lines ? sourcePoint(lines, image) : undefined
        const message = file.message(`${reason}${place ? '' : ` (${where})`}; not copied`, { place, ruleId: 'import-image', source: 'colophon-import' })
        message.actual = image.url
        return undefined
      }
      let path = image.url
      try {
        path = decodeURIComponent(image.url)
      } catch {
        // A lone `%` is a file name character, not an escape.
      }
      if (isAbsolute(path) || /^[a-z]:[\\/]/i.test(path)) return warn(`Unexpected absolute image path \`${image.url}\`, expected a path relative to ${story}, to a file in its folder`)
      const normal = posix.normalize(path.split('\\').join('/'))
      if (normal === '..' || normal.startsWith('../')) return warn(`Unexpected image path \`${image.url}\` outside the folder of ${story}, expected a file in that folder or one under it`)
      const shown = folder === '.' ? normal : `${folder}/${normal}`
      const got = read(normal)
      if ('reason' in got) {
        if (got.reason === NOT_FOUND) return warn(`Unexpected missing image \`${image.url}\`, expected a file at \`${shown}\``)
        return warn(`Unexpected image \`${image.url}\` that cannot be read (${got.reason.replace(/,? expected .*$/, '').replace('the manuscript folder', `the folder of ${story}`)}), expected a file in the folder of ${story}`)
      }
      const known = byKey.get(got.key)
      if (known) return `images/${known}`
      const kind = imageKind(got.data)
      if (!kind) return warn(`Unexpected file \`${image.url}\` that is not an image by its content, expected JPEG, PNG, GIF or SVG`)
      const name = freeName(asciiWords(posix.basename(normal, extname(normal))) || 'image', kind.extension, taken)
      byKey.set(got.key, name)
      const copied: ImportedImage = { name, mediaType: kind.mediaType, data: got.data, from: shown }
      book.images.push(copied)
      return `images/${name}`
    })
  }

  const label = (chapter: number, title: string, part: string): string => `chapter ${chapter} "${title}", ${part}`
  book.front = book.front.map((page) => ({ ...page, markdown: carry(page.markdown, page.lines, `front page "${page.kind}"`) }))
  book.chapters = book.chapters.map((chapter, index) => {
    const origins = chapter.origins
    const title = chapter.title
    return {
      ...chapter,
      ...(chapter.headNote !== undefined ? { headNote: carry(chapter.headNote, origins?.headNote, label(index + 1, title, 'head note')) } : {}),
      scenes: chapter.scenes.map((scene, number) => carry(scene, origins?.scenes[number], label(index + 1, title, `scene ${number + 1}`))),
      ...(chapter.endNote !== undefined ? { endNote: carry(chapter.endNote, origins?.endNote, label(index + 1, title, 'end note')) } : {}),
    }
  })
  book.back = book.back.map((page) => ({ ...page, markdown: carry(page.markdown, page.lines, `back page "${page.kind}"`) }))
}

/** The image kinds a book carries, by their first bytes (media-types.ts; the load checks each again, and SVGs whole). */
const CARRIED = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/svg+xml': 'svg' } as const

function imageKind(data: Uint8Array): { mediaType: ImportedImage['mediaType']; extension: string } | undefined {
  const mediaType = binaryMediaType(data)
  if (mediaType === undefined || !Object.hasOwn(CARRIED, mediaType)) return undefined
  const carried = mediaType as keyof typeof CARRIED
  return { mediaType: carried, extension: CARRIED[carried] }
}

/** `name.ext`, or `name-2.ext` … when a file of that name (in any case) is copied already. */
function freeName(stem: string, extension: string, taken: Set<string>): string {
  let name = `${stem}.${extension}`
  for (let count = 2; taken.has(name.toLowerCase()); count++) name = `${stem}-${count}.${extension}`
  taken.add(name.toLowerCase())
  return name
}
