import type { ProgressEvent, ProgressListener, Stage } from './events.ts'

export { STAGES, type ProgressEvent, type ProgressListener, type Stage } from './events.ts'

export type ProgressMode = 'bar' | 'lines' | 'none'

/** A bar on a terminal; one line per stage in CI (`CI` set) or when stderr is not a terminal. */
export function progressMode(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): ProgressMode {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'
  return ci || !stream.isTTY ? 'lines' : 'bar'
}

export interface Progress {
  listener: ProgressListener
  /** Clear the bar, if one is shown, before other output. */
  done(): void
}

interface Output {
  write(text: string): unknown
  columns?: number
}

/** The bar appears only for builds that take longer than this. */
const BAR_AFTER_MS = 250
const BAR_EVERY_MS = 80
const BAR_WIDTH = 24

/**
 * Show a build's progress on stderr (never stdout, which a script may be
 * reading): a bar of chapters done with the elapsed time, redrawn in place,
 * or one line per finished stage.
 */
export function createProgress(mode: ProgressMode, output: Output, now: () => number = () => performance.now()): Progress {
  if (mode === 'none') return { listener: () => undefined, done: () => undefined }
  if (mode === 'lines') {
    return {
      listener: (event) => {
        if (event.type === 'end') output.write(`colophon: ${event.stage}: ${event.summary} (${(event.ms / 1000).toFixed(2)} s)\n`)
      },
      done: () => undefined,
    }
  }
  const start = now()
  let stage: Stage = 'load'
  let chapters = { done: 0, total: 0 }
  let drawnAt = -Infinity
  let shown = false
  const draw = (force: boolean): void => {
    const elapsed = now() - start
    if (elapsed < BAR_AFTER_MS || (!force && elapsed - drawnAt < BAR_EVERY_MS)) return
    drawnAt = elapsed
    shown = true
    output.write(`\r\u001b[K${barLine(stage, chapters.done, chapters.total, elapsed)}`)
  }
  return {
    listener: (event: ProgressEvent) => {
      if (event.type === 'start') stage = event.stage
      if (event.type === 'chapters') chapters = { done: event.done, total: event.total }
      draw(event.type !== 'chapters')
    },
    done: () => {
      if (shown) output.write('\r\u001b[K')
      shown = false
    },
  }
}

/** `colophon [##########··········] 104/209 chapters  typeset  1.2 s` */
export function barLine(stage: Stage, done: number, total: number, elapsedMs: number): string {
  const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : 0
  const bar = `${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}`
  return `colophon [${bar}] ${done}/${total} chapters  ${stage}  ${(elapsedMs / 1000).toFixed(1)} s`
}
