import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'

/** Format messages with vfile-reporter, grouped by the file they point at. */
export function report(messages: VFileMessage[], options: { color?: boolean } = {}): string {
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
