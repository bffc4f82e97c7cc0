import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

/** A vfile message as plain data: it crosses threads and goes into the cache. */
export interface MessageRecord {
  reason: string
  /** The file's path, where the record travels without its file. */
  file?: string
  place?: VFileMessage['place']
  ruleId?: string
  source?: string
  fatal?: boolean | null
  note?: string
  url?: string
  actual?: string
  expected?: string[]
}

export function recordMessage(message: VFileMessage): MessageRecord {
  const record: MessageRecord = { reason: message.reason }
  if (message.file) record.file = message.file
  if (message.place) record.place = message.place
  if (message.ruleId) record.ruleId = message.ruleId
  if (message.source) record.source = message.source
  if (message.fatal !== undefined) record.fatal = message.fatal
  if (message.note) record.note = message.note
  if (message.url) record.url = message.url
  if (message.actual) record.actual = message.actual
  if (message.expected) record.expected = message.expected
  return record
}

/** Put recorded messages back on the file they were made for. */
export function reviveMessages(file: VFile, records: readonly MessageRecord[]): void {
  for (const record of records) file.messages.push(reviveMessage(file.path, record))
}

/** A recorded message as a vfile message about the file at `path`, as `file.message()` makes it. */
export function reviveMessage(path: string | undefined, record: MessageRecord): VFileMessage {
  const message = new VFileMessage(record.reason, { place: record.place, ruleId: record.ruleId, source: record.source })
  if (path) {
    message.name = `${path}:${message.name}`
    message.file = path
  }
  message.fatal = record.fatal
  if (record.note) message.note = record.note
  if (record.url) message.url = record.url
  if (record.actual) message.actual = record.actual
  if (record.expected) message.expected = record.expected
  return message
}
