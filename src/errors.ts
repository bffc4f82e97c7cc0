import type { VFileMessage } from 'vfile-message'

/**
 * Thrown by a stage when the book cannot be built. It carries the positioned
 * vfile messages that say why, so the CLI can report them without a stack.
 */
export class BookError extends Error {
  readonly messages: VFileMessage[]

  constructor(messages: VFileMessage[]) {
    super(messages.map((message) => String(message)).join('\n'))
    this.name = 'BookError'
    this.messages = messages
  }
}

/**
 * An unexpected failure inside a stage of the build (a bug, not the
 * book's fault): it says which stage failed and, when the failure knows,
 * where (`file:line:col`), so a report is useful without `--debug`; the
 * cause's stack is kept for `--debug`.
 */
export class InternalError extends Error {
  readonly stage: string
  readonly detail: unknown

  constructor(stage: string, cause: unknown) {
    const what = cause instanceof Error ? `${cause.name}: ${cause.message || '(no message)'}` : String(cause)
    const where = placeOf(cause)
    super(`Unexpected failure in the ${stage} stage${where ? ` at ${where}` : ''} (${what}), expected none: this is a bug in colophon; please report it with this message`)
    this.name = 'InternalError'
    this.stage = stage
    this.detail = cause
  }

  /** The cause's stack, or this error's when the cause has none (a vfile message has an empty one). */
  get trace(): string {
    const inner = this.detail instanceof Error ? this.detail.stack : undefined
    return inner && inner.trim() !== '' && !/^\S*: ?$/.test(inner.trim()) ? inner : (this.stack ?? this.message)
  }
}

/** `file:line:col` of a failure that carries a place (a vfile message thrown by a parser), if it does. */
function placeOf(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined
  const { file, line, column } = cause as { file?: unknown; line?: unknown; column?: unknown }
  if (typeof line !== 'number') return undefined
  return `${typeof file === 'string' && file ? `${file}:` : 'line '}${line}${typeof column === 'number' ? `:${column}` : ''}`
}
