import { resolve } from 'node:path'
import { VFile } from 'vfile'
import type { Book } from '../load/index.ts'
import { isRefusal, openManuscript } from '../load/open.ts'
import { readText } from '../load/read-text.ts'
import { textsInOrder } from '../load/reading-order.ts'

/**
 * The book again after some of its Markdown files were saved, without
 * reading the manuscript folder again: the saved files are read, every
 * other text is a fresh vfile over the text already read. Undefined when a
 * change is anything else (a new, removed or renamed file, book.yaml,
 * chapter.yaml, a template): the caller loads the whole book then.
 * Watch mode uses it; `changed` holds absolute paths.
 */
export async function reloadChanged(book: Book, changed: readonly string[], cwd: string): Promise<Book | undefined> {
  const texts = new Map<string, VFile>()
  for (const file of textsInOrder(book, (page) => page.file)) texts.set(resolve(cwd, file.path), file)
  const saved = new Set(changed)
  for (const path of saved) if (!path.endsWith('.md') || !texts.has(path)) return undefined
  const manuscript = openManuscript(book.folder, cwd)
  if (isRefusal(manuscript)) return undefined
  const fresh = new Map<VFile, VFile>()
  for (const [path, file] of texts) {
    if (saved.has(path)) {
      const read = await readText(path, manuscript)
      // A file that is no longer there, no longer UTF-8 or now empty is for a full load to report.
      if (read.messages.some((message) => message.fatal) || String(read.value).trim() === '') return undefined
      fresh.set(file, read)
    } else {
      // The load stage's own warnings (characters XML forbids) stay; the last build's others go.
      const again = new VFile({ path: file.path, cwd: file.cwd, value: file.value })
      again.messages.push(...file.messages.filter((message) => message.source === 'colophon-load'))
      fresh.set(file, again)
    }
  }
  const again = (file: VFile): VFile => fresh.get(file) ?? file
  return {
    ...book,
    front: book.front.map((page) => ({ ...page, file: again(page.file) })),
    chapters: book.chapters.map((chapter) => ({
      ...chapter,
      headNote: chapter.headNote ? again(chapter.headNote) : undefined,
      scenes: chapter.scenes.map(again),
      endNote: chapter.endNote ? again(chapter.endNote) : undefined,
    })),
    back: book.back.map((page) => ({ ...page, file: again(page.file) })),
  }
}
