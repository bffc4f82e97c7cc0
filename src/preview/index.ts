import type { VFileMessage } from 'vfile-message'
import { build, type BuildOptions } from '../build.ts'
import { BookError } from '../errors.ts'
import { startPreviewServer, type PreviewServer } from './server.ts'
import { watchManuscript, type Watcher } from './watch.ts'

export { startPreviewServer, type PreviewServer, type ServedBook } from './server.ts'

export interface PreviewOptions extends Omit<BuildOptions, 'targets'> {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Which target to read in the preview (default `epub`). */
  target?: NonNullable<BuildOptions['targets']>[number]
  /** Told about every build, so the CLI can print it. */
  onBuild?: (event: PreviewEvent) => void
  /**
   * Run before each build, as part of it (a failure is the build's): `colophon
   * preview FILE` imports the story file into the manuscript folder here.
   */
  prepare?: () => Promise<void>
  /** What to watch instead of the manuscript folder (for `preview FILE`, the file). */
  watch?: (onChange: (paths: string[]) => void) => Watcher
  /** Runs each build (the CLI's `withDefaultSignals`: an interrupt then ends the process at once). */
  around?: (build: () => Promise<void>) => Promise<void>
  /** Puts a build's messages at their places in what the user wrote (for `preview FILE`, the story file: decision 0043). */
  placed?: (messages: VFileMessage[]) => VFileMessage[]
}

export type PreviewEvent =
  | { kind: 'built'; fileName: string; bytes: number; warnings: VFileMessage[]; changed: string[] }
  | { kind: 'failed'; report: string; changed: string[] }

export interface Preview {
  url: string
  server: PreviewServer
  /** Resolves when the build under way (if any) and any queued after it are done. */
  idle(): Promise<void>
  close(): Promise<void>
}

/** One line per message: `file:line:col: severity reason (rule)`, the form editors and terminals link. */
export function formatMessages(messages: VFileMessage[]): string {
  return messages
    .map((message) => {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
      const rule = message.ruleId ? ` (${message.source ? `${message.source}:` : ''}${message.ruleId})` : ''
      return `${message.file || '<input>'}${place}: ${severity} ${message.reason}${rule}`
    })
    .join('\n')
}

/**
 * `colophon preview`: build the book, serve it with the foliate-js reader
 * on 127.0.0.1, and rebuild whenever a file of the manuscript is saved.
 * A good build replaces the served book and the open pages reload it; a
 * failed one keeps the last good book and shows the errors over it.
 */
export async function startPreview(manuscript: string, options: PreviewOptions = {}): Promise<Preview> {
  const { port, target = 'epub', onBuild, prepare, watch = (onChange) => watchManuscript(manuscript, onChange), around = (work) => work(), placed = (messages) => messages, ...buildOptions } = options
  const server = await startPreviewServer({ port })
  let running: Promise<void> = Promise.resolve()
  let queued: string[] | undefined

  const rebuild = async (changed: string[]): Promise<void> => {
    try {
      await prepare?.()
      const result = await build(manuscript, { ...buildOptions, targets: [target] })
      const output = result.outputs[0]!
      server.setBook({ name: output.fileName, bytes: output.epub })
      onBuild?.({ kind: 'built', fileName: output.fileName, bytes: output.epub.byteLength, warnings: placed(result.messages), changed })
    } catch (error) {
      const report = error instanceof BookError ? formatMessages(placed(error.messages)) : `colophon: ${error instanceof Error ? error.message : String(error)}`
      server.setError(report)
      onBuild?.({ kind: 'failed', report, changed })
    }
  }

  // Builds run one at a time; saves during a build make one more build after it.
  const schedule = (changed: string[]): void => {
    if (queued) {
      queued.push(...changed)
      return
    }
    queued = changed
    running = running.then(async () => {
      const paths = queued ?? []
      queued = undefined
      await around(() => rebuild(paths))
    })
  }

  schedule([])
  await running
  let watcher: Watcher | undefined = watch(schedule)

  return {
    url: server.url,
    server,
    idle: async () => {
      await running
    },
    async close() {
      watcher?.close()
      watcher = undefined
      await running
      await server.close()
    },
  }
}
