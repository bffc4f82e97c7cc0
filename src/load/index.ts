// Synchronous file-system calls: many small files read faster so (see read-text.ts).
import { readdirSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { BookError } from '../errors.ts'
import { loadCover } from './cover.ts'
import { parseChapterMeta } from './chapter-meta.ts'
import { parseMetadata } from './metadata.ts'
import { byPrefix, duplicateRanks, rankOf, titleFromName, type Ordered } from './order.ts'
import { displayPath, readText } from './read-text.ts'
import { Slugger } from './slug.ts'
import { removeForbiddenXmlChars } from './xml-chars.ts'
import { loadTemplates } from './templates.ts'
import { checkOwnTemplates } from './own-templates.ts'
import type { Book, Chapter, MatterPage } from './types.ts'
import type { Metadata } from './metadata.ts'

export type { Book, Chapter, GivenCover, MatterPage } from './types.ts'
export type { Metadata, Author, FanFiction } from './metadata.ts'

export interface LoadOptions {
  /** Folder that message paths are relative to; defaults to `process.cwd()`. */
  cwd?: string
  /**
   * Hears the book's metadata as soon as book.yaml is read and valid, before
   * the texts are (the build starts drawing the cover then), and whether the
   * manuscript has a cover image of its own.
   */
  onMetadata?: (metadata: Metadata, hasCover: boolean) => void
}

const END_NOTE = 'end-note.md'
const CHAPTER_META = 'chapter.yaml'

/**
 * Read a manuscript folder into one typed `Book`. Throws `BookError` with
 * positioned messages when the manuscript cannot make a book; non-fatal
 * messages stay on the returned vfiles.
 */
export async function loadBook(folder: string, options: LoadOptions = {}): Promise<Book> {
  const cwd = options.cwd ?? process.cwd()
  const root = resolve(cwd, folder)
  const problems: VFileMessage[] = []
  /** Warnings of files the book does not carry (book.yaml, left-out empty files). */
  const notes: VFileMessage[] = []
  const rootFile = new VFile({ path: displayPath(root, cwd), cwd })
  const fail = (file: VFile, reason: string, ruleId: string): void => {
    const message = file.message(reason, { ruleId, source: 'colophon-load' })
    message.fatal = true
    problems.push(message)
  }

  if (!(await isDirectory(root))) {
    fail(rootFile, `Unexpected missing manuscript folder \`${rootFile.path}\`, expected a folder with book.yaml and chapters/`, 'no-manuscript')
    throw new BookError(problems)
  }

  const metaPath = join(root, 'book.yaml')
  if (!(await isFile(metaPath))) {
    fail(rootFile, 'Unexpected manuscript without `book.yaml`, expected title, author and language in it', 'no-metadata')
    throw new BookError(problems)
  }
  const metaFile = await readText(metaPath, cwd)
  const metadata = fatalOf(metaFile).length === 0 ? parseMetadata(metaFile) : undefined
  problems.push(...fatalOf(metaFile))
  const given = loadCover(root, cwd)
  // Awaited below; until then a failure must not count as unhandled.
  given.catch(() => undefined)
  if (metadata && options.onMetadata) {
    const { cover, file } = await given
    options.onMetadata(metadata, Boolean(cover ?? file))
  }

  const slugs = new Slugger()
  notes.push(...metaFile.messages.filter((message) => !message.fatal))
  const found: Found = { problems, notes }
  const front = await loadMatter(join(root, 'front'), metadata?.order.front, cwd, slugs, found)
  const chaptersDir = join(root, 'chapters')
  const chapterDirs = await listEntries(chaptersDir, (name, isDir) => isDir)
  if (chapterDirs.length === 0) {
    fail(rootFile, 'Unexpected manuscript without chapters, expected folders under `chapters/` holding `.md` scene files', 'no-chapters')
  }
  const chapters: Chapter[] = []
  for (const entry of ordered(chapterDirs, metadata?.order.chapters, new VFile({ path: displayPath(chaptersDir, cwd), cwd }), problems)) {
    const chapter = await loadChapter(join(chaptersDir, entry.name), entry.name, chapters.length + 1, cwd, slugs, found)
    if (chapter) chapters.push(chapter)
  }
  const back = await loadMatter(join(root, 'back'), metadata?.order.back, cwd, slugs, found)
  const { cover, file: coverFile } = await given
  if (coverFile) problems.push(...fatalOf(coverFile))

  // A book's own templates are checked as its prose is: no script, handler or outside resource in them.
  const templates = await loadTemplates(root)
  const checked = checkOwnTemplates(root, cwd, templates)
  problems.push(...checked.problems)
  notes.push(...checked.warnings)
  if (problems.length > 0 || !metadata) throw new BookError(problems)
  return { root: rootFile.path, folder: root, metadata, front, chapters, back, cover, templates, messages: notes }
}

/** What loading found so far: fatal problems, and warnings of files the book leaves out. */
interface Found {
  problems: VFileMessage[]
  notes: VFileMessage[]
}

/**
 * Read a text the book may carry. An empty one (nothing but white space) is
 * left out with a warning: `undefined`. Fatal problems go to `found.problems`.
 */
async function readPart(path: string, cwd: string, what: string, found: Found): Promise<VFile | undefined> {
  const file = await readText(path, cwd)
  const fatal = fatalOf(file)
  found.problems.push(...fatal)
  if (fatal.length === 0 && String(file.value).trim() === '') {
    file.message(`Unexpected empty ${what}, expected some text; it is left out`, { ruleId: 'empty-text', source: 'colophon-load' })
    found.notes.push(...file.messages)
    return undefined
  }
  return file
}

async function loadChapter(
  dir: string,
  name: string,
  number: number,
  cwd: string,
  slugs: Slugger,
  found: Found,
): Promise<Chapter | undefined> {
  const { problems } = found
  const dirFile = new VFile({ path: displayPath(dir, cwd), cwd })
  // One listing tells the scenes, chapter.yaml and the end note apart: no stat per file.
  const files = new Map<string, boolean>()
  const sceneEntries = await listEntries(dir, (entry, isDir, isFile) => {
    if (!isDir) files.set(entry, isFile)
    return !isDir && entry.endsWith('.md') && entry !== END_NOTE
  })
  if (sceneEntries.length === 0) {
    const message = dirFile.message('Unexpected chapter without scenes, expected at least one `.md` file', {
      ruleId: 'empty-chapter',
      source: 'colophon-load',
    })
    message.fatal = true
    problems.push(message)
    return undefined
  }
  const scenes: VFile[] = []
  for (const entry of ordered(sceneEntries, undefined, dirFile, problems)) {
    const scene = await readPart(join(dir, entry.name), cwd, 'scene', found)
    if (scene) scenes.push(scene)
  }
  if (scenes.length === 0 && problems.length === 0) {
    const message = dirFile.message('Unexpected chapter whose scenes are all empty, expected text in at least one `.md` file', {
      ruleId: 'empty-chapter',
      source: 'colophon-load',
    })
    message.fatal = true
    problems.push(message)
    return undefined
  }
  // A file name can hold control characters too; no title may carry them into XML.
  let title = removeForbiddenXmlChars(titleFromName(name))
  const metaPath = join(dir, CHAPTER_META)
  if (await listedFile(files, metaPath)) {
    const metaFile = await readText(metaPath, cwd)
    const given = fatalOf(metaFile).length === 0 ? parseChapterMeta(metaFile) : undefined
    problems.push(...fatalOf(metaFile))
    found.notes.push(...metaFile.messages.filter((message) => !message.fatal))
    if (given) title = given
  }
  const endNotePath = join(dir, END_NOTE)
  const endNote = (await listedFile(files, endNotePath)) ? await readPart(endNotePath, cwd, 'end note', found) : undefined
  return { slug: slugs.slug(`chapter-${number}`), number, title, scenes, endNote }
}

async function loadMatter(
  dir: string,
  listed: string[] | undefined,
  cwd: string,
  slugs: Slugger,
  found: Found,
): Promise<MatterPage[]> {
  const { problems } = found
  const entries = await listEntries(dir, (name, isDir) => !isDir && name.endsWith('.md'))
  const pages: MatterPage[] = []
  for (const entry of ordered(entries, listed, new VFile({ path: displayPath(dir, cwd), cwd }), problems)) {
    const file = await readPart(join(dir, entry.name), cwd, 'page', found)
    if (!file) continue
    const title = removeForbiddenXmlChars(titleFromName(entry.name))
    pages.push({ slug: slugs.slug(title), title, file })
  }
  return pages
}

/** Order by `book.yaml`'s list when given, else by numeric prefix; duplicates are errors. */
function ordered(
  entries: Ordered<null>[],
  listed: string[] | undefined,
  where: VFile,
  problems: VFileMessage[],
): Ordered<null>[] {
  if (listed) {
    const byName = new Map(entries.map((entry) => [entry.name, entry]))
    return listed.flatMap((name) => {
      const entry = byName.get(name) ?? byName.get(`${name}.md`)
      if (!entry) {
        const message = where.message(`Unexpected \`${name}\` in book.yaml order, expected a file or folder of that name here`, {
          ruleId: 'missing-ordered-entry',
          source: 'colophon-load',
        })
        message.fatal = true
        problems.push(message)
      }
      return entry ? [entry] : []
    })
  }
  for (const [first, second] of duplicateRanks(entries)) {
    const message = where.message(
      `Unexpected \`${second.name}\` with the same order number as \`${first.name}\`, expected a unique numeric prefix`,
      { ruleId: 'duplicate-order', source: 'colophon-load' },
    )
    message.fatal = true
    problems.push(message)
  }
  return byPrefix(entries)
}


/** Whether `path` is a file, from its folder's listing (name → a plain file); a link or the like is looked up. */
async function listedFile(listing: ReadonlyMap<string, boolean>, path: string): Promise<boolean> {
  const plain = listing.get(basename(path))
  return plain === undefined ? false : plain || isFile(path)
}

async function listEntries(dir: string, keep: (name: string, isDir: boolean, isFile: boolean) => boolean): Promise<Ordered<null>[]> {
  let dirents
  try {
    dirents = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return dirents
    .filter((dirent) => !dirent.name.startsWith('.') && keep(dirent.name, dirent.isDirectory(), dirent.isFile()))
    .map((dirent) => ({ name: dirent.name, rank: rankOf(dirent.name), value: null }))
}

function fatalOf(file: VFile): VFileMessage[] {
  return file.messages.filter((message) => message.fatal)
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
  } catch {
    return false
  }
}
