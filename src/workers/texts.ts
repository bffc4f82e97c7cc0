import { readdirSync, statSync, type Dirent } from 'node:fs'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { reviveMessage, reviveMessages } from '../cache/messages.ts'
import type { TextFindings } from '../lint/text.ts'
import type { BuildCache } from '../cache/store.ts'
import type { Book, MatterPage } from '../load/types.ts'
import type { NormalisedBook, NormalisedPage, Text } from '../normalise/index.ts'
import { joinPieces, placePiece, splitText } from './pieces.ts'
import type { Pool } from './pool.ts'
import type { Task, TextResult, TextSettings } from './tasks.ts'
import { readingOrder } from '../load/reading-order.ts'

/**
 * Below this many characters to normalise, worker threads cost more to
 * start (and to warm up) than they save. By default the threshold counts
 * the cover thread, which takes a second core at the start of a build: on
 * 2 cores a 100,000-word book (600,000 characters) built in 0.85 s
 * without a worker and 1.05 s with one, a 1,000,000-word book in 2.26 s
 * without and 2.16 s with. Asked for by `threads`, they start sooner.
 */
export const PARALLEL_CHARS = { byDefault: 2_000_000, asked: 400_000 } as const

export interface NormaliseTextsOptions {
  pool: Pool
  /** Characters to normalise from which worker threads take part (one of `PARALLEL_CHARS`). */
  parallelChars: number
  cache?: BuildCache
  /** Chapters whose every text is normalised, as they complete. */
  onChapters?: (done: number, total: number) => void
}

export interface TypesetStats {
  texts: number
  cached: number
  /** Whether worker threads took part. */
  parallel: boolean
}

/**
 * Normalise every text of the book (scenes, end notes, front and back
 * matter): from the cache where it holds the text, else on the pool. The
 * result is what normalising each text with `createNormaliser` gives: the same trees, and each text's
 * normalising messages on its own vfile, as if normalised here. Rendering
 * (footnote numbers, word counts, alt text, sanitising) is left to
 * `renderBook`, which needs the whole chapter.
 */
export async function normaliseTexts(
  book: Book,
  settings: TextSettings,
  options: NormaliseTextsOptions,
): Promise<{ book: NormalisedBook; stats: TypesetStats; keys: Map<VFile, string>; lint: Array<{ file: VFile } & TextFindings> }> {
  const { pool, cache } = options
  const order = readingOrder(book, (page) => page.file)
  const files: VFile[] = order.map((entry) => entry.text)
  /** For each text, its chapter's index, or -1 for front and back matter. */
  const chapterOf: number[] = order.map((entry) => entry.chapter)

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
  const parallel = chars >= options.parallelChars
  if (parallel) pool.start()
  // A long text goes as pieces (in parallel, and never whole in memory as trees); each task is one text or piece.
  const tasks: Task[] = []
  const owner: Array<{ index: number; piece: number; lines: number; offset: number }> = []
  const pieceResults = new Map<number, { results: TextResult[]; left: number }>()
  for (const index of missing) {
    const file = files[index] as VFile
    const value = String(file.value)
    const pieces = splitText(value) ?? [{ value, lines: 0, offset: 0 }]
    if (pieces.length > 1) pieceResults.set(index, { results: new Array<TextResult>(pieces.length), left: pieces.length })
    pieces.forEach((piece, number) => {
      tasks.push(textTask(file, piece.value))
      owner.push({ index, piece: number, lines: piece.lines, offset: piece.offset })
    })
  }
  const finish = (index: number, result: TextResult): void => {
    results[index] = result
    if (cache) cache.rememberText(keys[index] as string, result)
    const chapter = chapterOf[index] ?? -1
    if (chapter >= 0 && --(left[chapter] as number) === 0) options.onChapters?.(++done, total)
  }
  const whole: number[] = []
  await pool.run(tasks, settings, (position, result) => {
    const { index, piece, lines, offset } = owner[position] as (typeof owner)[number]
    const pieces = pieceResults.get(index)
    if (!pieces) return finish(index, result as TextResult)
    pieces.results[piece] = placePiece(result as TextResult, lines, offset)
    if (--pieces.left > 0) return
    const joined = joinPieces(pieces.results)
    // Should a piece need its chapter after all (it never should: see splitText), the text is typeset whole.
    if (joined) finish(index, joined)
    else whole.push(index)
  })
  if (whole.length > 0) {
    const again = whole.map((index) => textTask(files[index] as VFile, String((files[index] as VFile).value)))
    await pool.run(again, settings, (position, result) => finish(whole[position] as number, result as TextResult))
  }

  const texts = files.map((file, index): Text => {
    const result = results[index] as TextResult
    reviveMessages(file, result.messages)
    // A cached tree is shared between builds: rendering reads it and never changes it.
    return { file, tree: result.tree ?? { type: 'root', children: [] }, rendered: result.rendered, words: result.words }
  })
  // What the lint found in each text, in reading order (when the settings ask for it).
  const lint = settings.lint
    ? files.map((file, index) => {
        const found = (results[index] as TextResult).lint
        return { file, messages: (found?.messages ?? []).map((record) => reviveMessage(file.path, record)), markers: found?.markers ?? [] }
      })
    : []
  let at = 0
  const next = (): Text => texts[at++] as Text
  const page = (entry: MatterPage): NormalisedPage => ({ slug: entry.slug, title: entry.title, text: next() })
  const normalised: NormalisedBook = {
    ...book,
    front: book.front.map(page),
    chapters: book.chapters.map((chapter) => ({
      ...chapter,
      // In reading order (readingOrder): head note, scenes, end note.
      headNote: chapter.headNote ? next() : undefined,
      scenes: chapter.scenes.map(() => next()),
      endNote: chapter.endNote ? next() : undefined,
    })),
    back: book.back.map(page),
  }
  // Each text's content key in the cache, for the render stage's memo.
  const byFile = new Map(cache ? files.map((file, index) => [file, keys[index] as string]) : [])
  return { book: normalised, stats: { texts: files.length, cached: files.length - missing.length, parallel }, keys: byFile, lint }
}

/** The task of typesetting `value`, the whole of `file`'s text or a piece of it. */
function textTask(file: VFile, value: string): Task {
  return { kind: 'text', source: { path: file.path, cwd: file.cwd, value } }
}

/**
 * Whether a manuscript folder holds enough Markdown for worker threads to
 * pay (`parallelChars`), told from file sizes alone: a build asks before
 * it reads the book, so the threads load while the main thread reads it.
 * Bytes count for characters (UTF-8 makes it an overestimate for non-Latin
 * scripts, which only starts the threads a little sooner).
 */
export function looksLarge(folder: string, parallelChars: number): boolean {
  let bytes = 0
  const add = (dir: string, depth: number): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (bytes >= parallelChars) return
      const path = join(dir, entry.name)
      if (entry.isDirectory() && depth > 0) add(path, depth - 1)
      else if (entry.isFile() && entry.name.endsWith('.md')) bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0
    }
  }
  for (const part of ['front', 'chapters', 'back']) add(join(folder, part), part === 'chapters' ? 1 : 0)
  return bytes >= parallelChars
}
