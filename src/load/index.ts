// Synchronous file-system calls: many small files read faster so (see read-text.ts).
import { join, resolve } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { BookError } from '../errors.ts'
import { loadCover } from './cover.ts'
import { checkCoverLetters } from './cover-letters.ts'
import { parseChapterMeta } from './chapter-meta.ts'
import { parseMetadata } from './metadata.ts'
import { byPrefix, duplicateRanks, rankOf, titleFromName, type Ordered } from './order.ts'
import { isRefusal, listInside, NOT_FOUND, openManuscript, type Entry, type Manuscript } from './open.ts'
import { displayPath, readText, refuse } from './read-text.ts'
import { Slugger } from './slug.ts'
import { removeForbiddenXmlChars } from './xml-chars.ts'
import { loadTemplates } from './templates.ts'
import { loadTemplateAssets } from './template-assets.ts'
import { checkOwnTemplates } from './own-templates.ts'
import type { Book, Chapter, MatterPage } from './types.ts'
import type { Metadata } from './metadata.ts'

export type { Book, Chapter, GivenCover, MatterPage } from './types.ts'
export type { BookAsset } from './template-assets.ts'
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
const HEAD_NOTE = 'head-note.md'
const CHAPTER_META = 'chapter.yaml'

/**
 * Read a manuscript folder into one typed `Book`. Throws `BookError` with
 * positioned messages when the manuscript cannot make a book; non-fatal
 * messages stay on the returned vfiles.
 */
export async function loadBook(folder: string, options: LoadOptions = {}): Promise<Book> {
  const cwd = options.cwd ?? process.cwd()
  const opened = openManuscript(folder, cwd)
  const root = isRefusal(opened) ? resolve(cwd, folder) : opened.folder
  const problems: VFileMessage[] = []
  /** Warnings of files the book does not carry (book.yaml, left-out empty files). */
  const notes: VFileMessage[] = []
  const rootFile = new VFile({ path: displayPath(root, cwd), cwd })
  const fail = (file: VFile, reason: string, ruleId: string): void => {
    const message = file.message(reason, { ruleId, source: 'colophon-load' })
    message.fatal = true
    problems.push(message)
  }

  if (isRefusal(opened)) {
    const why = opened.reason === NOT_FOUND ? 'missing manuscript folder' : `manuscript folder that cannot be read (${opened.reason})`
    fail(rootFile, `Unexpected ${why} \`${rootFile.path}\`, expected a folder with book.yaml and chapters/${opened.reason === NOT_FOUND ? ' (or run colophon in the folder that holds book.yaml)' : ''}`, 'no-manuscript')
    throw new BookError(problems)
  }
  const manuscript: Manuscript = opened

  const metaPath = join(root, 'book.yaml')
  const top = listInside(manuscript, root)
  if (isRefusal(top) || top === undefined) {
    fail(rootFile, `Unexpected manuscript folder that cannot be read (${isRefusal(top) ? top.reason : NOT_FOUND}), expected a folder with book.yaml and chapters/`, 'no-manuscript')
    throw new BookError(problems)
  }
  if (!top.some((entry) => entry.name === 'book.yaml')) {
    fail(rootFile, 'Unexpected manuscript without `book.yaml`, expected title, author and language in it', 'no-metadata')
    throw new BookError(problems)
  }
  const metaFile = await readText(metaPath, manuscript)
  const metadata = fatalOf(metaFile).length === 0 ? parseMetadata(metaFile) : undefined
  problems.push(...fatalOf(metaFile))
  const given = loadCover(manuscript)
  // Awaited below; until then a failure must not count as unhandled.
  given.catch(() => undefined)
  if (metadata && options.onMetadata) {
    const { cover, file } = await given
    options.onMetadata(metadata, Boolean(cover ?? file))
  }

  const slugs = new Slugger()
  notes.push(...metaFile.messages.filter((message) => !message.fatal))
  const found: Found = { manuscript, problems, notes }
  const front = await loadMatter(join(root, 'front'), metadata?.order.front, slugs, found)
  const chaptersDir = join(root, 'chapters')
  // A chapter folder may be a link to a folder inside the manuscript; one that leads out is refused when listed.
  const chapterDirs = listFolder(chaptersDir, found, 'folder', (entry) => entry.kind !== 'file')
  if (chapterDirs.length === 0) {
    fail(rootFile, 'Unexpected manuscript without chapters, expected folders under `chapters/` holding `.md` scene files', 'no-chapters')
  }
  const chapters: Chapter[] = []
  for (const entry of ordered(chapterDirs, metadata?.order.chapters, new VFile({ path: displayPath(chaptersDir, cwd), cwd }), problems)) {
    const chapter = await loadChapter(join(chaptersDir, entry.name), entry.name, chapters.length + 1, slugs, found)
    if (chapter) chapters.push(chapter)
  }
  const back = await loadMatter(join(root, 'back'), metadata?.order.back, slugs, found)
  const { cover, file: coverFile } = await given
  if (coverFile) problems.push(...fatalOf(coverFile))
  if (metadata && !cover && !coverFile) {
    for (const message of checkCoverLetters(metaFile, metadata)) (message.fatal ? problems : notes).push(message)
  }

  const templates = await loadTemplates(manuscript, problems)
  // A book's own templates are checked as its prose is: no script, handler or outside resource in them.
  const checked = checkOwnTemplates(root, cwd, templates.all, templates.own)
  problems.push(...checked.problems)
  notes.push(...checked.warnings)
  // The fonts and images they name inside the manuscript are packaged with them.
  const { assets, problems: assetProblems } = await loadTemplateAssets(manuscript, templates.own)
  problems.push(...assetProblems)
  if (problems.length > 0 || !metadata) throw new BookError(problems)
  return { root: rootFile.path, folder: root, metadata, front, chapters, back, cover, templates: templates.all, ownTemplates: [...templates.own.keys()], assets, messages: notes }
}

/** What loading found so far: fatal problems, and warnings of files the book leaves out. */
interface Found {
  manuscript: Manuscript
  problems: VFileMessage[]
  notes: VFileMessage[]
}

/**
 * Read a text the book may carry. An empty one (nothing but white space) is
 * left out with a warning: `undefined`. Fatal problems go to `found.problems`.
 */
async function readPart(path: string, what: string, found: Found): Promise<VFile | undefined> {
  const file = await readText(path, found.manuscript)
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
  slugs: Slugger,
  found: Found,
): Promise<Chapter | undefined> {
  const { problems, manuscript } = found
  const { cwd } = manuscript
  const dirFile = new VFile({ path: displayPath(dir, cwd), cwd })
  // One listing tells the scenes, chapter.yaml and the end note apart: no stat per file.
  const names = new Set<string>()
  const before = problems.length
  const sceneEntries = listFolder(dir, found, 'file', (entry) => {
    names.add(entry.name)
    return entry.name.endsWith('.md') && entry.name !== END_NOTE && entry.name !== HEAD_NOTE
  })
  // A folder that could not be listed has its own message: it is not "without scenes".
  if (problems.length > before && sceneEntries.length === 0) return undefined
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
    const scene = await readPart(join(dir, entry.name), 'scene', found)
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
  if (names.has(CHAPTER_META)) {
    const metaFile = await readText(metaPath, manuscript)
    const given = fatalOf(metaFile).length === 0 ? parseChapterMeta(metaFile) : undefined
    problems.push(...fatalOf(metaFile))
    found.notes.push(...metaFile.messages.filter((message) => !message.fatal))
    if (given) title = given
  }
  const endNotePath = join(dir, END_NOTE)
  const headNotePath = join(dir, HEAD_NOTE)
  const headNote = names.has(HEAD_NOTE) ? await readPart(headNotePath, 'head note', found) : undefined
  const endNote = names.has(END_NOTE) ? await readPart(endNotePath, 'end note', found) : undefined
  return { slug: slugs.slug(`chapter-${number}`), number, title, headNote, scenes, endNote }
}

async function loadMatter(
  dir: string,
  listed: string[] | undefined,
  slugs: Slugger,
  found: Found,
): Promise<MatterPage[]> {
  const { problems } = found
  const { cwd } = found.manuscript
  const entries = listFolder(dir, found, 'file', (entry) => entry.name.endsWith('.md'))
  const pages: MatterPage[] = []
  for (const entry of ordered(entries, listed, new VFile({ path: displayPath(dir, cwd), cwd }), problems)) {
    const file = await readPart(join(dir, entry.name), 'page', found)
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


/**
 * The entries of a folder of the manuscript that `keep` wants, by name and
 * rank. A folder that cannot be listed (permission denied, a link leading
 * outside) is a fatal message at it; so is a wanted name that is neither a
 * file nor a folder (a FIFO, a link loop), and a `.md` name that is a folder.
 * A missing folder has no entries.
 */
function listFolder(dir: string, found: Found, want: 'file' | 'folder', keep: (entry: Entry) => boolean): Ordered<null>[] {
  const { cwd } = found.manuscript
  const listed = listInside(found.manuscript, dir)
  if (listed === undefined) return []
  if (isRefusal(listed)) {
    found.problems.push(refuse(new VFile({ path: displayPath(dir, cwd), cwd }), listed, 'folder'))
    return []
  }
  const kept: Ordered<null>[] = []
  for (const entry of listed) {
    if (!keep(entry)) continue
    const problem = entry.kind === 'other' ? entry.problem : want === 'file' && entry.kind === 'folder' ? 'it is a folder' : undefined
    if (problem) {
      const reason = `${problem}, expected a ${want === 'file' ? 'text file' : 'folder'}`
      found.problems.push(refuse(new VFile({ path: displayPath(join(dir, entry.name), cwd), cwd }), { reason, ruleId: 'not-a-file' }, want))
      continue
    }
    kept.push({ name: entry.name, rank: rankOf(entry.name), value: null })
  }
  return kept
}

function fatalOf(file: VFile): VFileMessage[] {
  return file.messages.filter((message) => message.fatal)
}
