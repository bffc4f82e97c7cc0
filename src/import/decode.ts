import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { BookError } from '../errors.ts'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  /** The text with every line ending as `\n` and no byte order mark. */
  text: string
  encoding: TextEncoding
  /** Whether the bytes began with a byte order mark. */
  bom: boolean
  /** Where the first byte that is not UTF-8 is, when the text fell back to Windows-1252. */
  firstNonUtf8?: number
}

/** Why bytes are not text: what was found and where (an offset into the decoded text). */
export interface NotText {
  reason: string
  /** Line and column (1-based) of the first character that is not text. */
  line: number
  column: number
}

/**
 * Windows-1252's 0x80–0x9F, which Latin-1 leaves as control characters.
 * Node's TextDecoder reads the label `windows-1252` as Latin-1, so the
 * table is here. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay the C1
 * control they are in Latin-1, and so make the text not text below.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

/** Windows-1252 bytes as text (0x80–0x9F by its table, not Latin-1's controls). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  // Chunks keep String.fromCharCode's argument list short.
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) => (byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte))
    out += String.fromCharCode(...codes)
  }
  return out
}

/** Length of the longest prefix of `bytes` that is valid UTF-8: where the first bad byte is. */
function validUtf8Prefix(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]!
    const size = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0
    if (size === 0 || i + size > bytes.length) return i
    for (let k = 1; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += size
  }
  return i
}

/**
 * A character no story holds: C0 controls but tab, line feed, form feed and
 * carriage return; DEL; C1 controls (in Windows-1252 they are its undefined
 * bytes). A NUL is what a binary file, or UTF-16 without its BOM, shows first.
 */
const NOT_TEXT = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/

/**
 * Bytes to text, or why they are not text. UTF-8 (with or without a BOM),
 * UTF-16 with its BOM, else Windows-1252 (a superset of Latin-1's printable
 * characters) when the bytes are not valid UTF-8. Line endings (CRLF, CR)
 * become `\n`, and form feeds (page breaks in old texts) blank lines.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText | NotText {
  let decoded: DecodedText
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true }
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true }
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    const body = bom ? bytes.subarray(3) : bytes
    const valid = validUtf8Prefix(body)
    decoded =
      valid === body.length
        ? { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom }
        : {
            text: decodeWindows1252(body),
            encoding: 'windows-1252',
            bom,
            // Windows-1252 is one character per byte: the byte's index is its offset.
            firstNonUtf8: valid,
          }
  }
  const bad = NOT_TEXT.exec(decoded.text)
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
    return { reason: `Unexpected binary content (U+00${code}), expected text`, ...pointOf(decoded.text, bad.index) }
  }
  if (decoded.text.trim() === '') return { reason: 'Unexpected empty file, expected a story', line: 1, column: 1 }
  decoded.text = decoded.text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n')
  if (decoded.firstNonUtf8 !== undefined) {
    // Offsets after CRLF normalisation: count the CRs dropped before that byte.
    const before = new TextDecoder('latin1').decode(bytes.subarray(decoded.bom ? 3 : 0, (decoded.bom ? 3 : 0) + decoded.firstNonUtf8))
    decoded.firstNonUtf8 -= (before.match(/\r\n/g) ?? []).length
  }
  return decoded
}

/** Line and column of an offset, with CRLF, CR and LF each one line break. */
function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const breaks = before.match(/\r\n?|\n/g) ?? []
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return { line: breaks.length + 1, column: offset - lastBreak }
}

/**
 * The text of a story file, or a `BookError` naming the file and the place
 * of the first byte that is not text. Says which encoding was read when it
 * was not UTF-8, at the first byte that told.
 */
export function decodeText(file: VFile): string {
  const bytes = file.value instanceof Uint8Array ? file.value : new TextEncoder().encode(String(file.value))
  const decoded = decodeBytes(bytes)
  if ('reason' in decoded) {
    const place = { line: decoded.line, column: decoded.column }
    const message = file.message(decoded.reason, { place, ruleId: 'import-encoding', source: 'colophon-import' })
    message.fatal = true
    throw new BookError([message])
  }
  if (decoded.encoding !== 'utf-8') {
    const place = location(new VFile(decoded.text)).toPoint(decoded.firstNonUtf8 ?? 0)
    const name = decoded.encoding === 'windows-1252' ? 'Windows-1252 (not valid UTF-8)' : `${decoded.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (byte order mark)`
    file.info(`Read as ${name}`, { place, ruleId: 'import-encoding', source: 'colophon-import' })
  }
  return decoded.text
}
