import { isUtf8 } from 'node:buffer'
import { relative, isAbsolute } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { location } from 'vfile-location'
import { isRefusal, readInside, type Manuscript, type Refusal } from './open.ts'
import { codePointName, FORBIDDEN_XML_CHARS, hasForbiddenXmlChars } from './xml-chars.ts'

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Past this many, forbidden characters in one file are summed up in one message. */
const MAX_CHAR_MESSAGES = 10

/**
 * Read a manuscript text file into a vfile: UTF-8, byte-order mark dropped,
 * CRLF and CR line endings made LF (line numbers stay those the author sees).
 * Characters XML forbids are removed, each with a warning at its place.
 * The path is relative to the working folder, so messages read `file:line:col`.
 * A file that is not a regular file inside `manuscript` once its links are
 * followed (see open.ts) gets one fatal message saying why, and no text.
 */
export async function readText(path: string, manuscript: Manuscript): Promise<VFile> {
  const { cwd } = manuscript
  const shown = displayPath(path, cwd)
  const file = new VFile({ path: shown, cwd })
  // Synchronous on purpose: for a thousand small scene files it is five
  // times faster than fs/promises, which makes four thread-pool trips per file.
  const bytes = readInside(manuscript, path, true)
  if (isRefusal(bytes)) {
    refuse(file, bytes)
    file.value = ''
    return file
  }
  // Checked, then decoded, by Node's own UTF-8 routines: a third of the time of a fatal TextDecoder.
  if (!isUtf8(bytes)) {
    const message = file.message('Unexpected bytes that are not UTF-8, expected a UTF-8 text file', {
      place: firstInvalidUtf8(bytes),
      ruleId: 'encoding',
      source: 'colophon-load',
    })
    message.fatal = true
    file.value = ''
    return file
  }
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  file.value = removeForbidden(file, text)
  return file
}

/** Drop the characters XML cannot hold, warning at each (the first few) of them. */
function removeForbidden(file: VFile, text: string): string {
  if (!hasForbiddenXmlChars(text)) return text
  const found = [...text.matchAll(FORBIDDEN_XML_CHARS)]
  if (found.length === 0) return text
  const where = location(text)
  for (const match of found.slice(0, MAX_CHAR_MESSAGES)) {
    file.message(`Unexpected character ${codePointName(match[0])}, which XML does not allow; removed`, {
      place: where.toPoint(match.index),
      ruleId: 'forbidden-character',
      source: 'colophon-load',
    })
  }
  if (found.length > MAX_CHAR_MESSAGES) {
    file.message(`Unexpected ${found.length - MAX_CHAR_MESSAGES} more characters that XML does not allow; removed`, {
      place: where.toPoint(found[MAX_CHAR_MESSAGES]?.index ?? 0),
      ruleId: 'forbidden-character',
      source: 'colophon-load',
    })
  }
  return text.replace(FORBIDDEN_XML_CHARS, '')
}

/** A fatal message on `file` for a file the manuscript cannot have read: why, in words. */
export function refuse(file: VFile, refusal: Refusal, what = 'file'): VFileMessage {
  const message = file.message(`Unexpected ${what} that cannot be read: ${refusal.reason}`, { ruleId: refusal.ruleId, source: 'colophon-load' })
  message.fatal = true
  return message
}

export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path)
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path
}

/** Line and column of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index] ?? 0
    const length = byte < 0x80 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0
    if (length === 0) return { line, column }
    try {
      decoder.decode(bytes.subarray(index, index + length))
    } catch {
      return { line, column }
    }
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++
      column = 1
    } else {
      column++
    }
    index += length
  }
  return { line, column }
}
