import type { VFile } from 'vfile'
import type { ImportFormat } from './types.ts'

/**
 * The format of a story file, by its bytes first and its name second: a
 * `.txt` that is a zip is not text. Undefined when it is none colophon reads
 * (a binary file, an empty one).
 */
export function sniff(file: VFile): ImportFormat | undefined {
  const bytes = file.value as Uint8Array
  if (bytes.length === 0) return undefined
  const ext = (file.extname ?? '').toLowerCase()
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip: an EPUB names its mimetype first; anything else with word/document.xml is a DOCX.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 2048)))
    if (head.includes('mimetypeapplication/epub+zip')) return 'epub'
    if (ext === '.docx' || new TextDecoder('latin1').decode(bytes).includes('word/document.xml')) return 'docx'
    if (ext === '.epub') return 'epub'
    return undefined
  }
  // TODO(import-text): NUL bytes outside UTF-16 → binary; HTML by its markup even in a .txt
  if (ext === '.md' || ext === '.markdown') return 'markdown'
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html'
  return 'text'
}
