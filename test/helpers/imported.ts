import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { VFile } from 'vfile'
import type { ImportedBook } from '../../src/import/index.ts'
import { manuscriptFiles } from '../../src/import/manuscript.ts'

/**
 * An imported book written as a manuscript folder by the writer `colophon
 * import` uses (`src/import/manuscript.ts`: book.yaml, front/, chapters/
 * with head-note.md and end-note.md, back/, the cover and images), into a
 * fresh temporary folder, so a test builds what a user's import would.
 * `source` is the story file's name, which the writer's fallbacks read.
 */
export async function writeImported(book: ImportedBook, source = 'story'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'colophon-imported-'))
  for (const file of manuscriptFiles(book, new VFile({ path: source }))) {
    const path = join(root, ...file.path.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.data)
  }
  return root
}

/**
 * The import fixtures a quick test builds into an EPUB and checks with
 * epubcheck-ts, and `test/epubcheck-java.test.ts` (the slow project) builds
 * the same way and checks with Java EPUBCheck, all in one JVM: starting Java
 * costs more than a small book's build, and the quick loop runs no Java.
 *
 * Built through the real CLI (`colophon build FILE`, test/import-done.test.ts):
 * each case's name and its story file.
 */
export const BUILT_THROUGH_CLI: ReadonlyArray<{ name: string; input: string }> = [
  { name: 'seed', input: 'story.txt' },
  { name: 'gutenberg-novel', input: 'novel.txt' },
  { name: 'pandoc-story', input: 'story.md' },
  { name: 'ao3-work-page', input: 'input.html' },
  { name: 'ffn-chapter', input: 'input.html' },
  { name: 'docx-headings', input: 'story.docx' },
  { name: 'docx-plain', input: 'story.docx' },
  { name: 'epub-calibre', input: 'story.epub' },
]

/** The names of the cases above: the readers' tests leave Java EPUBCheck of these to the CLI's build. */
export const JAVA_CHECKED_THROUGH_CLI: ReadonlySet<string> = new Set(BUILT_THROUGH_CLI.map((test) => test.name))

/** The text and Markdown cases test/import-readers.test.ts builds (each build and check takes a second or two). */
export const TEXT_CASES_BUILT: ReadonlySet<string> = new Set(['seed', 'gutenberg-novel', 'gutenberg-stories', 'gutenberg-books', 'markdown-plain', 'fanfic-notes', 'windows-1252', 'utf-16', 'pandoc-story'])

/** The DOCX and EPUB cases test/import-docx-epub.test.ts imports and builds: each one's input, and the source its words are counted from. */
export const PACKAGE_CASES = [
  { name: 'docx-headings', input: 'story.docx', source: 'story.md' },
  { name: 'docx-plain', input: 'story.docx', source: 'story.txt' },
  { name: 'docx-libreoffice', input: 'story.docx', source: 'story.html' },
  { name: 'epub-pandoc', input: 'story.epub', source: 'story.md' },
  { name: 'epub-calibre', input: 'story.epub', source: 'story.html' },
  { name: 'epub-calibre-docx', input: 'story.epub', source: '../docx-plain/story.txt' },
] as const
