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
