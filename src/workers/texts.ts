import type { VFile } from 'vfile'
import type { MapStep } from '../cache/memo.ts'
import { reviveMessage, reviveMessages } from '../cache/messages.ts'
import type { TextFindings } from '../lint/text.ts'
import type { Book, MatterPage } from '../load/types.ts'
import type { NormalisedBook, NormalisedPage, Text } from '../normalise/index.ts'
import type { Executor } from './executor.ts'
import { joinPieces, placePiece, splitText } from './pieces.ts'
import type { TextResult, TextSettings, TextSource } from './tasks.ts'
import { readingOrder } from '../load/reading-order.ts'

/**
 * Typesets texts with the settings given: results in the order of the
 * texts, `onEach` hearing each one as it is done. Made by `typesetOn`, and
 * wrapped by the cache's memo (src/build/run.ts).
 */
export type TypesetTexts = MapStep<TextSettings, TextSource, TextResult>

/**
 * The per-text step, typesetting one text (workers/tasks.ts), mapped over
 * texts on `executor`. A long text goes as pieces (in parallel, and never
 * whole in memory as trees), whose results are joined into the text's.
 */
export function typesetOn(executor: Executor): TypesetTexts {
  return async (settings, texts, onEach) => {
    const results = new Array<TextResult>(texts.length)
    const finish = (index: number, result: TextResult): void => {
      results[index] = result
      onEach?.(index, result)
    }
    // Each task is one text or one piece of a text.
    const tasks: Array<{ kind: 'text'; source: TextSource }> = []
    const owner: Array<{ index: number; piece: number; lines: number; offset: number }> = []
    const pieceResults = new Map<number, { results: TextResult[]; left: number }>()
    texts.forEach((source, index) => {
      const pieces = splitText(source.value) ?? [{ value: source.value, lines: 0, offset: 0 }]
      if (pieces.length > 1) pieceResults.set(index, { results: new Array<TextResult>(pieces.length), left: pieces.length })
      pieces.forEach((piece, number) => {
        tasks.push({ kind: 'text', source: { ...source, value: piece.value } })
        owner.push({ index, piece: number, lines: piece.lines, offset: piece.offset })
      })
    })
    const whole: number[] = []
    await executor.map(tasks, {
      settings,
      onEach: (position, result) => {
        const { index, piece, lines, offset } = owner[position] as (typeof owner)[number]
        const pieces = pieceResults.get(index)
        if (!pieces) return finish(index, result)
        pieces.results[piece] = placePiece(result, lines, offset)
        if (--pieces.left > 0) return
        const joined = joinPieces(pieces.results)
        // Should a piece need its chapter after all (it never should: see splitText), the text is typeset whole.
        if (joined) finish(index, joined)
        else whole.push(index)
      },
    })
    const again = whole.map((index) => ({ kind: 'text' as const, source: texts[index] as TextSource }))
    await executor.map(again, { settings, onEach: (position, result) => finish(whole[position] as number, result) })
    return results
  }
}

/**
 * Every text of the book (front and back matter, head notes, scenes, end
 * notes) typeset by `typeset`, in reading order, and put back in the book:
 * the same trees, and each text's messages on its own vfile, as if it were
 * typeset here; with what the lint found in each text (when the settings
 * ask for it). `onChapters` hears chapters whose every text is done.
 * Rendering (footnote numbers, images, sanitising) is left to `renderBook`,
 * which needs the whole chapter.
 */
export async function typesetBook(
  book: Book,
  settings: TextSettings,
  typeset: TypesetTexts,
  onChapters?: (done: number, total: number) => void,
): Promise<{ book: NormalisedBook; texts: Text[]; lint: Array<{ file: VFile } & TextFindings> }> {
  const order = readingOrder(book, (page) => page.file)
  const files: VFile[] = order.map((entry) => entry.text)
  const left = book.chapters.map(() => 0)
  for (const { chapter } of order) if (chapter >= 0) left[chapter] = (left[chapter] ?? 0) + 1
  const total = book.chapters.length
  let done = left.filter((count) => count === 0).length
  onChapters?.(done, total)
  const sources = files.map((file): TextSource => ({ path: file.path, cwd: file.cwd, value: String(file.value) }))
  const results = await typeset(settings, sources, (index) => {
    const chapter = order[index]?.chapter ?? -1
    if (chapter >= 0 && --(left[chapter] as number) === 0) onChapters?.(++done, total)
  })

  const texts = files.map((file, index): Text => {
    const result = results[index] as TextResult
    reviveMessages(file, result.messages)
    // A cached tree is shared between builds: rendering reads it and never changes it.
    return { file, tree: result.tree ?? { type: 'root', children: [] }, rendered: result.rendered, words: result.words }
  })
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
  return { book: normalised, texts, lint }
}
