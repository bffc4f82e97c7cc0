import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/**
 * Format messages with vfile-reporter, grouped by the file they point at.
 * Loaded when there is something to report: with the string-width modules
 * it brings, it is some 10 ms of every clean build's start.
 */
export async function report(messages: VFileMessage[], options: { color?: boolean } = {}): Promise<string> {
  const { reporter } = await import('vfile-reporter')
  const files = new Map<string, VFile>()
  for (const message of messages) {
    const path = message.file || '<input>'
    let file = files.get(path)
    if (!file) {
      file = new VFile({ path })
      files.set(path, file)
    }
    file.messages.push(message)
  }
  return reporter([...files.values()], { color: options.color ?? false })
}
