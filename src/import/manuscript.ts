import { basename, extname } from 'node:path'
import { stringify } from 'yaml'
import type { VFile } from 'vfile'
import { metadataSchema } from '../load/metadata-schema.ts'
import { titleFromName } from '../load/order.ts'
import { asciiWords } from '../load/slug.ts'
import { retargetImages } from './image-paths.ts'
import { paragraphNumbers, type FileOrigin, type LineOrigins } from './source-map.ts'
import type { ImportedBook, ImportedChapter, ImportedImage, ImportedMetadata, ImportedValue } from './types.ts'

/** One file of a manuscript folder: its path inside the folder (`/`-separated) and its bytes or text. */
export interface ManuscriptFile {
  path: string
  data: string | Uint8Array
  /** What it stands for in the source, and where its lines came from: `build FILE` names the story file in messages about it. */
  origin?: FileOrigin
}

/** The names the loader reads a manuscript's own cover from (`load/cover.ts`), by kind. */
const COVER_NAMES: Partial<Record<ImportedImage['mediaType'], string>> = { 'image/jpeg': 'cover.jpg', 'image/png': 'cover.png' }

/** The keys `book.yaml` must hold, and what stands in when the source gave none. */
const REQUIRED = ['title', 'author', 'language'] as const

/** book.yaml's keys first in the order a writer reads them; the others follow as the reader gave them. */
const KEY_ORDER = ['title', 'subtitle', 'sort-title', 'author', 'language', 'date', 'description']

/**
 * The files of a manuscript folder holding `book`, in colophon's layout
 * (README, "The manuscript"): book.yaml, cover, front/, chapters/ with
 * chapter.yaml, one file per scene and the notes, back/, images/. Pure: the
 * caller writes them. What this step decides for the author (a title from the
 * file name, a key left out because its value is not one colophon reads) is
 * an info or warning message on `file`, the source.
 */
export function manuscriptFiles(book: ImportedBook, file: VFile): ManuscriptFile[] {
  const files: ManuscriptFile[] = [{ path: 'book.yaml', data: bookYaml(book.metadata, file), origin: { label: "the book's details" } }]
  const width = (count: number): number => Math.max(2, String(count).length)
  const numbered = (index: number, count: number, name: string): string => `${String(index + 1).padStart(width(count), '0')}-${name}`
  const text = (markdown: string, depth: number, label: string, lines: LineOrigins | undefined): Pick<ManuscriptFile, 'data' | 'origin'> => {
    const trimmed = trimLines(markdown)
    const data = `${retargetImages(trimmed, '../'.repeat(depth))}\n`
    // The blank lines trimLines cut from the start no longer come before the text's lines.
    return { data, origin: lines ? { label, lines: lines.slice(leadingBlankLines(markdown)) } : { label, paragraphs: paragraphNumbers(data) } }
  }

  if (book.cover) {
    const name = COVER_NAMES[book.cover.mediaType]
    if (name) files.push({ path: name, data: book.cover.data, origin: { label: 'the cover' } })
    else {
      files.push({ path: `images/${book.cover.name}`, data: book.cover.data, origin: { label: 'the cover' } })
      file.message(`Unexpected cover as ${book.cover.mediaType}, expected a JPEG or PNG; kept as images/${book.cover.name}, and the build draws a cover`, {
        ruleId: 'import-cover',
        source: 'colophon-import',
      })
    }
  }

  const pages = (where: 'front' | 'back', list: ImportedBook['front']): void => {
    const kept = list.filter((page) => page.markdown.trim() !== '')
    kept.forEach((page, index) => files.push({ path: `${where}/${numbered(index, kept.length, nameOf(page.kind, 'page'))}.md`, ...text(page.markdown, 1, `${where} page "${page.kind}"`, page.lines) }))
  }
  pages('front', book.front)

  const chapters = book.chapters.map((chapter): ImportedChapter & { origins: NonNullable<ImportedChapter['origins']> } => {
    const origins = chapter.origins ?? { scenes: [] }
    const kept = chapter.scenes.flatMap((scene, index) => (scene.trim() !== '' ? [{ scene, lines: origins.scenes[index] }] : []))
    if (kept.length > 0) return { ...chapter, scenes: kept.map(({ scene }) => scene), origins: { ...origins, scenes: kept.map(({ lines }) => lines) } }
    // A chapter of notes alone still keeps the notes' words: they become its text.
    const notes = [
      { scene: chapter.headNote, lines: origins.headNote },
      { scene: chapter.endNote, lines: origins.endNote },
    ].filter((note): note is { scene: string; lines: LineOrigins | undefined } => Boolean(note.scene?.trim()))
    return { title: chapter.title, scenes: notes.map(({ scene }) => scene), origins: { scenes: notes.map(({ lines }) => lines) } }
  })
  const withText = chapters.filter((chapter) => chapter.scenes.length > 0)
  withText.forEach((chapter, index) => {
    const title = chapter.title.trim() || `Chapter ${index + 1}`
    const folder = `chapters/${numbered(index, withText.length, nameOf(title, 'chapter'))}`
    const named = `chapter ${index + 1} "${title}"`
    files.push({ path: `${folder}/chapter.yaml`, data: stringify({ title }, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }), origin: { label: `${named}, its title` } })
    if (chapter.headNote?.trim()) files.push({ path: `${folder}/head-note.md`, ...text(chapter.headNote, 2, `${named}, head note`, chapter.origins.headNote) })
    chapter.scenes.forEach((scene, number) => {
      const label = chapter.scenes.length === 1 ? named : `${named}, scene ${number + 1}`
      files.push({ path: `${folder}/${numbered(number, chapter.scenes.length, nameOf(firstWords(scene), 'scene'))}.md`, ...text(scene, 2, label, chapter.origins.scenes[number]) })
    })
    if (chapter.endNote?.trim()) files.push({ path: `${folder}/end-note.md`, ...text(chapter.endNote, 2, `${named}, end note`, chapter.origins.endNote) })
  })

  pages('back', book.back)
  for (const image of book.images) files.push({ path: `images/${image.name}`, data: image.data, origin: image.from !== undefined ? { label: `image ${image.name}`, file: image.from } : { label: `image ${image.name}` } })
  return files
}

/**
 * book.yaml: the keys found, each checked against the schema the loader
 * holds it to, so the folder always loads. A title, author or language the
 * source lacks is filled in with a message; a value the schema refuses, or a
 * key colophon does not know, is kept as a comment for the author to fix.
 */
function bookYaml(found: ImportedMetadata, file: VFile): string {
  const metadata: Record<string, ImportedValue> = {}
  const refused: string[] = []
  for (const key of Object.keys(found)) {
    const value = found[key] as ImportedValue
    const schema = (metadataSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } } | undefined>)[key]
    if (schema?.safeParse(value).success) {
      metadata[key] = value
      continue
    }
    refused.push(`# ${stringify({ [key]: value }, { lineWidth: 0 }).trimEnd().replace(/\n/g, '\n# ')}`)
    const why = schema ? 'a value colophon does not read there' : 'a key colophon does not know'
    file.message(`Unexpected \`${key}\` (${why}), expected the keys and forms of book.yaml; kept in book.yaml as a comment`, {
      ruleId: 'import-metadata',
      source: 'colophon-import',
    })
  }
  const stem = titleFromName(basename(file.path, extname(file.path)))
  const fallback: Record<(typeof REQUIRED)[number], [string, string]> = {
    title: [stem, `title \`${stem}\` from the file name, as the source gives none`],
    author: ['Unknown', 'author `Unknown`, as the source names none'],
    // `und`: BCP 47's "undetermined", which is true; a guessed English would not be.
    language: ['und', 'language `und` (undetermined), as the source states none and none could be detected; set `language:` in book.yaml (or `lang:` in a Markdown file\'s front matter)'],
  }
  for (const key of REQUIRED) {
    if (key in metadata) continue
    const [value, what] = fallback[key]
    metadata[key] = value
    // A reader that said already what it found (or did not) is not repeated.
    if (!file.messages.some((message) => message.ruleId === `import-${key}`)) file.info(what, { ruleId: `import-${key}`, source: 'colophon-import' })
  }
  const ordered = Object.fromEntries([...KEY_ORDER.filter((key) => key in metadata).map((key) => [key, metadata[key]]), ...Object.entries(metadata).filter(([key]) => !KEY_ORDER.includes(key))])
  const head = `# Imported by colophon from ${basename(file.path)}. Every key: README.md, "The manuscript".\n`
  const tail = refused.length > 0 ? `\n# Found in the source, but not a key or value colophon reads:\n${refused.join('\n')}\n` : ''
  return `${head}${stringify(ordered, { lineWidth: 0 })}${tail}`
}

/** A file or folder name from a title or the first words of a text: ASCII letters, digits and hyphens, at most 40 characters. */
export function nameOf(text: string, fallback: string): string {
  // An apostrophe joins its word (`kirks-skin`, not `kirk-s-skin`).
  const ascii = asciiWords(text.replace(/['’]/g, ''))
  const cut = ascii.length > 40 ? ascii.slice(0, 40).replace(/-[^-]*$/, '') : ascii
  return cut || fallback
}

/**
 * A text without its blank lines at the start and white space at the end.
 * The first line keeps its indentation: Markdown reads four spaces there as
 * code, and a reader that meant that wrote them.
 */
export function trimLines(markdown: string): string {
  return markdown.replace(LEADING_BLANK_LINES, '').trimEnd()
}

const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+/

function leadingBlankLines(markdown: string): number {
  return (LEADING_BLANK_LINES.exec(markdown)?.[0].match(/\n/g) ?? []).length
}

/** A scene's first four words, which name its file as a writer would (`01-the-ferry-came-in.md`). */
function firstWords(markdown: string): string {
  return (markdown.match(/\p{L}[\p{L}\p{N}'’]*/gu) ?? []).slice(0, 4).join(' ')
}
