import type { VFile } from 'vfile'
import { reviveMessages } from '../cache/messages.ts'
import type { BuildCache } from '../cache/store.ts'
import type { BookImages } from '../load/images.ts'
import type { Book } from '../load/types.ts'
import { renderWithImages } from '../render/text.ts'
import type { RenderedText, TextSettings, TypesetBook } from '../render/index.ts'
import type { Pool } from './pool.ts'
import type { Task, TextResult } from './tasks.ts'

/** Below this many characters to render, worker threads cost more to start than they save. */
export const PARALLEL_CHARS = 400_000

export interface TypesetOptions {
  pool: Pool
  cache?: BuildCache
  /** Chapters whose every text is rendered, as they complete. */
  onChapters?: (done: number, total: number) => void
}

export interface TypesetStats {
  texts: number
  cached: number
  /** Whether worker threads took part. */
  parallel: boolean
}

/**
 * Render every text of the book (scenes, end notes, front and back matter)
 * to its XHTML fragment: from the cache where it holds the text, else on
 * the pool; texts with images on the main thread after their image files
 * are read. Messages end up on each text's own vfile, as if rendered here.
 */
export async function typesetBook(
  book: Book,
  settings: TextSettings,
  options: TypesetOptions,
): Promise<{ book: TypesetBook; images: BookImages; stats: TypesetStats }> {
  const { pool, cache } = options
  const files: VFile[] = []
  /** For each text, its chapter's index, or -1 for front and back matter. */
  const chapterOf: number[] = []
  const add = (file: VFile, chapter: number): void => {
    files.push(file)
    chapterOf.push(chapter)
  }
  for (const page of book.front) add(page.file, -1)
  book.chapters.forEach((chapter, index) => {
    for (const scene of chapter.scenes) add(scene, index)
    if (chapter.endNote) add(chapter.endNote, index)
  })
  for (const page of book.back) add(page.file, -1)

  const results: Array<TextResult | undefined> = new Array(files.length)
  const keys = cache ? files.map((file) => cache.textKey(settings, String(file.value))) : []
  const missing: number[] = []
  files.forEach((file, index) => {
    const hit = cache?.text(keys[index] as string)
    if (hit) results[index] = hit
    else missing.push(index)
  })

  const left = book.chapters.map(() => 0)
  for (const index of missing) {
    const chapter = chapterOf[index] ?? -1
    if (chapter >= 0) left[chapter] = (left[chapter] ?? 0) + 1
  }
  const total = book.chapters.length
  let done = left.filter((count) => count === 0).length
  options.onChapters?.(done, total)

  const chars = missing.reduce((sum, index) => sum + String(files[index]?.value ?? '').length, 0)
  const parallel = chars >= PARALLEL_CHARS
  if (parallel) pool.start()
  const tasks: Task[] = missing.map((index) => {
    const file = files[index] as VFile
    return { kind: 'text', source: { path: file.path, cwd: file.cwd, value: String(file.value) } }
  })
  const withImages: number[] = []
  await pool.run(tasks, settings, (position, result) => {
    const index = missing[position] as number
    if (result && 'images' in result) {
      withImages.push(index)
      return
    }
    results[index] = result as TextResult
    if (cache) cache.rememberText(keys[index] as string, result as TextResult)
    const chapter = chapterOf[index] ?? -1
    if (chapter >= 0 && --(left[chapter] as number) === 0) options.onChapters?.(++done, total)
  })
  // Texts with images are never cached: their image files may change.
  withImages.sort((a, b) => a - b)
  const pictured = await renderWithImages(book.folder, withImages.map((index) => files[index] as VFile), settings)
  const pictures = new Map(withImages.map((index, position) => [index, pictured.xhtml[position] as string]))

  const rendered = files.map((file, index): RenderedText => {
    const xhtml = pictures.get(index)
    if (xhtml !== undefined) return { file, xhtml }
    const result = results[index] as TextResult
    reviveMessages(file, result.messages)
    return { file, xhtml: result.xhtml, key: keys[index] }
  })
  let at = 0
  const next = (): RenderedText => rendered[at++] as RenderedText
  const typeset: TypesetBook = {
    ...book,
    front: book.front.map(({ file: _file, ...page }) => ({ ...page, text: next() })),
    chapters: book.chapters.map(({ scenes, endNote, ...chapter }) => ({
      ...chapter,
      scenes: scenes.map(() => next()),
      endNote: endNote ? next() : undefined,
    })),
    back: book.back.map(({ file: _file, ...page }) => ({ ...page, text: next() })),
  }
  return { book: typeset, images: pictured.images, stats: { texts: files.length, cached: files.length - missing.length, parallel } }
}
