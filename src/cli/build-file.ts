import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { TargetName } from '../targets/types.ts'
import { toSource, type StoryMap } from '../import/source-map.ts'
import { colophonCommand, installKind } from '../check/install-advice.ts'
import { BookError } from '../errors.ts'
import { packageRoot } from '../root.ts'
import { watchFile } from '../preview/watch.ts'
import { createProgress, progressMode } from '../progress/index.ts'
import { buildAndWrite, type BuildCommandOptions } from './build.ts'
import { importFile } from './import-file.ts'
import { UsageError } from './index.ts'
import { report } from './report.ts'
import { withDefaultSignals } from './interrupts.ts'

/**
 * A private manuscript folder for one story file: the file is imported into
 * it before each build. It lives in a fresh temporary folder and is named
 * after the file (`…/story.md/`), so that with the temporary folder as the
 * build's `cwd` every message names a file of the imported book as
 * `story.md/chapters/01-one/01-the-ferry-came-in.md:3:5`; `placed` then
 * names the story file and the place the text came from instead
 * (`story.md:42:5`; decision 0043), as the user knows no other file.
 */
export interface FileManuscript {
  /** The manuscript folder to build. */
  folder: string
  /** The build's `cwd`: message paths start at the file's name. */
  cwd: string
  /** Import the file again into the folder (it may have changed); returns what to tell the user. */
  refresh(): Promise<string>
  /** Remove the temporary folder. */
  remove(): void
  /** The build's messages at their places in the story file (and the images beside it), as of the last refresh. */
  placed(messages: VFileMessage[]): VFileMessage[]
}

/** Guesses a build of a story file shows: what the book's title page and metadata will say. */
const SHOWN_GUESSES = new Set(['import-title', 'import-author', 'import-language'])

export async function fileManuscript(path: string): Promise<FileManuscript> {
  const cwd = await mkdtemp(join(tmpdir(), 'colophon-'))
  const folder = join(cwd, basename(path))
  let map: StoryMap = { folder: basename(path), source: path, files: new Map() }
  let imageMessages: VFileMessage[] = []
  const remove = (): void => rmSync(cwd, { recursive: true, force: true })
  // However the process ends (an interrupt exits from its handler), the folder goes.
  process.once('exit', remove)
  return {
    folder,
    cwd,
    remove() {
      process.off('exit', remove)
      remove()
    },
    placed(messages) {
      return placeMessages(messages, map, imageMessages)
    },
    async refresh() {
      const imported = await importFile(path)
      map = { folder: basename(path), source: path, files: new Map(imported.files.flatMap((file) => (file.origin ? [[file.path, file.origin] as const] : []))) }
      // An image the import could not copy is reported by the build, at its place, in the import's words (placeMessages).
      imageMessages = imported.file.messages.filter((message) => message.ruleId === 'import-image' && message.fatal === false)
      await rm(folder, { recursive: true, force: true })
      for (const file of imported.files) {
        const target = join(folder, ...file.path.split('/'))
        await mkdir(dirname(target), { recursive: true })
        await writeFile(target, file.data)
      }
      // The import's warnings are shown, and where the book's title, author and language came from
      // (a detected language, `Unknown`); its other guesses only by `colophon import --dry-run`.
      const warnings = imported.file.messages.filter((message) => (message.fatal === false || SHOWN_GUESSES.has(message.ruleId ?? '')) && !imageMessages.includes(message))
      const shown = warnings.length > 0 ? `${await report(warnings)}\n` : ''
      const chapters = imported.book.chapters.length
      const guesses = imported.file.messages.length
      const list = guesses === 0 ? '' : `; \`${colophonCommand(installKind(packageRoot))} import ${path} --dry-run\` lists ${guesses === 1 ? 'the guess' : `all ${guesses} guesses`} made`
      return `${shown}colophon: read ${path} as ${imported.format}: ${chapters} chapter${chapters === 1 ? '' : 's'}${list}\n`
    },
  }
}

/**
 * `colophon build FILE`: import the file into a private manuscript folder
 * and build that with every guarantee of a folder build (the same pipeline,
 * without the cache: the folder is new every time). The output goes where a
 * folder build's does (`dist/<title>.epub`, or `--out`); `--watch` rebuilds
 * when the file is saved. See docs/decisions/0015-build-a-file-through-a-folder.md.
 */
export async function buildFile(path: string, options: BuildCommandOptions, targets: readonly TargetName[]): Promise<void> {
  const source = resolve(path)
  if (options.out && resolve(options.out) === source) throw new UsageError(`--out \`${options.out}\` is the story file itself, expected another path for the book`)
  process.stderr.write(`colophon: building ${path}\n`)
  const manuscript = await fileManuscript(path)
  // Between builds, the private folder goes with an interrupt; the signal is then raised again and
  // ends the process. During a build the signals keep their default action (withDefaultSignals), as
  // for a folder build: a folder left in the system's temporary folder is the price of ending at once.
  const interrupted = (signal: NodeJS.Signals): void => {
    manuscript.remove()
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    process.kill(process.pid, signal)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const once = async (progress?: ReturnType<typeof createProgress>): Promise<void> => {
      process.stderr.write(await manuscript.refresh())
      await buildAndWrite(manuscript.folder, { ...options, cache: false }, targets, { cwd: manuscript.cwd, onProgress: progress?.listener, source, placed: manuscript.placed })
    }
    const progress = createProgress(progressMode(process.stderr, process.env), process.stderr)
    try {
      await withDefaultSignals(() => once(progress))
    } finally {
      progress.done()
    }
    if (!options.watch) return
    let running = Promise.resolve()
    watchFile(source, () => {
      running = running.then(async () => {
        const start = performance.now()
        try {
          await withDefaultSignals(() => once())
          process.stderr.write(`colophon: rebuilt in ${Math.round(performance.now() - start)} ms\n`)
        } catch (error) {
          if (error instanceof BookError) process.stderr.write(`${await report(error.messages)}\n`)
          else process.stderr.write(`colophon: ${error instanceof Error ? error.message : String(error)}\n`)
          process.stderr.write('colophon: rebuild failed; the previous book was left as it was\n')
        }
      })
    })
    process.stderr.write(`colophon: watching ${path} for changes (Ctrl-C to stop)\n`)
    await new Promise<never>(() => undefined)
  } finally {
    manuscript.remove()
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  }
}

/** The load's rules for an image it could not read: the import says why in the user's terms when it did not copy the image. */
const IMAGE_RULES = new Set(['image-missing', 'image-outside', 'image-type', 'image-remote'])

/**
 * The build's messages at their places in the story file. An image the
 * import did not copy (missing, outside the story's folder) fails the load
 * too, which names a path in the private folder: at the same place, the
 * import's message says it instead, as an error. One the load did not fail
 * at (a `../../images/x.png` that happens to name a copied image in the
 * private folder) is still said, as the warning it is.
 */
function placeMessages(messages: VFileMessage[], map: StoryMap, imageMessages: readonly VFileMessage[]): VFileMessage[] {
  const said = new Set<VFileMessage>()
  const placed = messages.map((message) => {
    toSource(message, map)
    if (!IMAGE_RULES.has(message.ruleId ?? '')) return message
    // The same image (its path as typed, `actual`) at the same place, or in a part named without lines.
    const same = imageMessages.find(
      (candidate) =>
        !said.has(candidate) &&
        (message.file ?? '').startsWith(candidate.file ?? '') &&
        candidate.line === message.line &&
        candidate.column === message.column &&
        message.reason.includes(`\`${candidate.actual ?? ''}\``),
    )
    if (!same) return message
    said.add(same)
    same.fatal = true
    return same
  })
  return [...placed, ...imageMessages.filter((message) => !said.has(message))]
}
