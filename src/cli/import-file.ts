import { realpathSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { VFile } from 'vfile'
import { BookError } from '../errors.ts'
import { importBytes, type ImportResult } from '../import/index.ts'
import { manuscriptFiles, nameOf, type ManuscriptFile } from '../import/manuscript.ts'
import { isRefusal, NOT_FOUND, openManuscript, readInside, readNamedFile } from '../load/open.ts'
import { carryImages, type ReadImage } from '../import/carry-images.ts'

export interface ImportedFolder extends ImportResult {
  /** The manuscript folder's files, as `colophon import` writes them. */
  files: ManuscriptFile[]
  /** A folder name for the book: its title as a slug (`the-lantern-keeper`). */
  name: string
}

/**
 * Read a story file and turn it into a manuscript folder's files, for
 * `colophon import` and `colophon build FILE`. Every way it can fail is a
 * `BookError` naming the file, so the CLI reports it without a stack: a file
 * that is missing or a folder, a file no reader takes, and a reader that
 * failed on input it did not expect (a corrupt zip).
 */
export async function importFile(path: string): Promise<ImportedFolder> {
  // A FIFO, socket or device by a story file's name is refused, not waited on (open.ts).
  const read = readNamedFile(path)
  if (isRefusal(read)) {
    const what =
      read.reason === NOT_FOUND ? `missing file \`${path}\`` : read.reason.startsWith('it is a folder') ? `folder \`${path}\`` : `\`${path}\` that cannot be read (${read.reason.replace(/, expected a file$/, '')})`
    throw fail(path, `Unexpected ${what}, expected a story as Markdown, plain text, HTML, DOCX or EPUB`, 'import-read')
  }
  const bytes = new Uint8Array(read)
  // A DOCX and an EPUB are zips: a file by either name that is not one is not what its name says.
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const named = extname(path).toLowerCase()
  if ((named === '.docx' || named === '.epub') && bytes.length > 0 && !zipped) {
    throw fail(path, `Unexpected content in \`${path}\`, which is not a zip, expected a ${named === '.docx' ? 'DOCX' : 'EPUB'} as its name says`, 'import-format')
  }
  let result: ImportResult
  try {
    result = await importBytes(path, bytes)
  } catch (error) {
    if (error instanceof BookError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw fail(path, `Unexpected content in \`${path}\` (${reason}), expected a story file that is whole and what its name says`, 'import-read')
  }
  // A Markdown or HTML story names its images by their paths beside it; the other formats hold theirs.
  if (result.format === 'markdown' || result.format === 'html') carryImages(result.book, result.file, besideStory(path))
  const files = manuscriptFiles(result.book, result.file)
  const title = result.book.metadata.title
  return { ...result, files, name: nameOf(typeof title === 'string' ? title : basename(path, extname(path)), 'book') }
}

/**
 * Read a file of the story's own folder, as a manuscript's files are read
 * (open.ts): after following links it must lie inside the folder, and be a
 * regular file (never a FIFO or a device, never waited on).
 */
function besideStory(story: string): ReadImage {
  const folder = openManuscript(dirname(story), process.cwd())
  return (path) => {
    if (isRefusal(folder)) return { reason: folder.reason }
    const absolute = join(folder.folder, ...path.split('/'))
    const data = readInside(folder, absolute)
    if (isRefusal(data)) return { reason: data.reason }
    let key = absolute
    try {
      key = realpathSync.native(absolute)
    } catch {
      // Read a moment ago: the path itself is key enough.
    }
    return { data: new Uint8Array(data), key }
  }
}

function fail(path: string, reason: string, ruleId: string): BookError {
  const message = new VFile({ path }).message(reason, { ruleId, source: 'colophon-import' })
  message.fatal = true
  return new BookError([message])
}
