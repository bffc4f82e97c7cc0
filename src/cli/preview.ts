import { spawn } from 'node:child_process'
import { relative, resolve } from 'node:path'
import { startPreview, formatMessages } from '../preview/index.ts'
import { parseTargets } from '../targets/types.ts'
import { watchFile } from '../preview/watch.ts'
import { fileManuscript } from './build-file.ts'
import { isStoryFile } from './build.ts'
import { UsageError } from './index.ts'
import { withDefaultSignals } from './interrupts.ts'

export interface PreviewCommandOptions {
  port: string
  open: boolean
  target: string
  wordJoiner: 'u2060' | 'feff'
  nbsp?: 'narrow' | 'regular'
}

/** The system's way to open a URL in the default browser. */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url]
  const child = spawn(command!, args, { stdio: 'ignore', detached: true })
  child.on('error', () => process.stderr.write(`colophon: could not open a browser; open ${url} yourself\n`))
  child.unref()
}

/** `colophon preview`: serve the book in a reader and rebuild on every save, until interrupted. */
export async function runPreview(dir: string, options: PreviewCommandOptions): Promise<void> {
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port \`${options.port}\` is not a port, expected a number from 0 to 65535`)
  const targets = parseTargets(options.target)
  if (!targets || targets.length !== 1) throw new UsageError(`--target \`${options.target}\` is not one target, expected epub, kobo, kindle or apple`)
  const time = (): string => new Date().toTimeString().slice(0, 8)
  // A story file is imported into a private manuscript folder before each build, and the file is watched.
  const file = (await isStoryFile(dir)) ? await fileManuscript(dir) : undefined
  const fileOptions = file && {
    cwd: file.cwd,
    prepare: async () => void process.stderr.write(await file.refresh()),
    watch: (onChange: (paths: string[]) => void) => watchFile(resolve(dir), () => onChange([dir])),
    placed: file.placed,
  }
  const preview = await startPreview(file?.folder ?? dir, {
    ...fileOptions,
    port,
    target: targets[0],
    wordJoiner: options.wordJoiner,
    nbsp: options.nbsp,
    // Ctrl-C during a rebuild ends the process at once (decision 0021); between builds it stops the server.
    around: withDefaultSignals,
    onBuild(event) {
      const what = event.changed.filter(Boolean).length > 0 ? ` after ${event.changed.filter(Boolean).join(', ')}` : ''
      if (event.kind === 'built') {
        if (event.warnings.length > 0) process.stderr.write(`${formatMessages(event.warnings)}\n`)
        process.stderr.write(`[${time()}] built ${event.fileName} (${Math.round(event.bytes / 1024)} KiB)${what}\n`)
      } else {
        process.stderr.write(`${event.report}\n[${time()}] build failed${what}; still showing the last good book\n`)
      }
    },
  })
  process.stderr.write(`colophon: previewing ${relative(process.cwd(), resolve(dir)) || '.'} at ${preview.url} (Ctrl-C to stop)\n`)
  if (options.open) openBrowser(preview.url)
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void preview.close().then(() => {
        file?.remove()
        done()
      })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
