import type { VFile } from 'vfile'
import { decodeBytes } from './decode.ts'
import type { ImportFormat } from './types.ts'

/**
 * HTML by its markup, whatever the name: a doctype, an `<html>`, `<head>` or
 * `<body>` tag first (after comments or an XML declaration). A page saved
 * from a browser as `.txt` is still a page; a story that merely mentions
 * `<html>` further down is not.
 */
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i

/**
 * YAML front matter: `---`, then `key: value` lines (blank, comment, indented
 * and `- item` lines between), then `---` or `...`. Each line can match one
 * way only, so a file that never closes it cannot make the pattern backtrack.
 */
const FRONT_MATTER = /^---[ \t]*\n(?:[ \t]*\n|#.*\n|[A-Za-z_][\w-]*[ \t]*:.*\n|[ \t]+\S.*\n|-.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|$)/

/**
 * The format of a story file, by its bytes first and its name second: a
 * `.txt` that is a zip is not text. Undefined when it is none colophon reads
 * (a binary file, an empty one).
 */
export function sniff(file: VFile): ImportFormat | undefined {
  const bytes = file.value as Uint8Array
  if (bytes.length === 0) return undefined
  const ext = (file.extname ?? '').toLowerCase()
  if (isZip(bytes)) {
    // A zip: an EPUB names its mimetype first; anything else with word/document.xml is a DOCX.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 2048)))
    if (head.includes('mimetypeapplication/epub+zip')) return 'epub'
    if (ext === '.docx' || new TextDecoder('latin1').decode(bytes).includes('word/document.xml')) return 'docx'
    if (ext === '.epub') return 'epub'
    return undefined
  }
  // Not text (NUL bytes, control characters, nothing at all): none colophon reads.
  const decoded = decodeBytes(bytes.subarray(0, headEnd(bytes)))
  if ('reason' in decoded) return undefined
  const head = decoded.text
  if (HTML_START.test(head)) return 'html'
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html'
  if (ext === '.md' || ext === '.markdown' || FRONT_MATTER.test(head)) return 'markdown'
  return 'text'
}

/** Where the first 64 KiB end without cutting a UTF-8 character in two. */
function headEnd(bytes: Uint8Array): number {
  let end = Math.min(bytes.length, 65536)
  if (end === bytes.length) return end
  let back = 0
  while (back < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) {
    end--
    back++
  }
  return end > 0 && bytes[end - 1]! >= 0xc0 ? end - 1 : end + back
}

/** A zip's local file header signature, `PK\x03\x04`: EPUB, DOCX, or neither. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
