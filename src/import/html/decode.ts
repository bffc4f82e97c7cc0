import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import type { VFile } from 'vfile'
import { BookError } from '../../errors.ts'

/**
 * An HTML file's bytes as text. A byte-order mark decides first; then
 * UTF-8, which is what browsers save and the archives serve; bytes that
 * are not UTF-8 are decoded by the charset the page declares (`<meta
 * charset>` or its `http-equiv` form, read with the same parser as the
 * page, from a Latin-1 reading of the bytes that keeps every ASCII tag as
 * it is), else as windows-1252, the web's default since HTML 4. Each
 * fallback is reported; a charset the runtime cannot decode is an error.
 */
export function decodeHtml(file: VFile): string {
  const bytes = file.value as Uint8Array
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: the page's own declaration decides.
  }
  const declared = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))
  const label = declared ?? 'windows-1252'
  let decoder: { encoding: string; decode: (input: Uint8Array) => string }
  try {
    decoder = new TextDecoder(label)
    // Node decodes windows-1252 (and the labels WHATWG maps to it: latin1, ascii …) as ISO-8859-1, 0x80–0x9F as C1 controls.
    if (decoder.encoding === 'windows-1252') decoder = { encoding: 'windows-1252', decode: decodeWindows1252 }
  } catch {
    const message = file.message(`Unexpected charset \`${label}\`, expected one a browser decodes (UTF-8, windows-1252, ISO-8859-1 …)`, {
      ruleId: 'import-encoding',
      source: 'colophon-import',
    })
    message.fatal = true
    throw new BookError([message])
  }
  file.info(
    declared ? `encoding: ${decoder.encoding}, as the page's \`<meta charset>\` declares (the bytes are not UTF-8)` : `encoding: not UTF-8 and none declared, read as ${decoder.encoding}`,
    { ruleId: 'import-encoding', source: 'colophon-import' },
  )
  return decoder.decode(bytes)
}

function declaredCharset(head: string): string | undefined {
  const tree = fromHtml(head)
  const meta = select('meta[charset]', tree)
  if (meta) return String(meta.properties.charSet ?? meta.properties.charset ?? '').trim() || undefined
  const equiv = select('meta[http-equiv="content-type" i]', tree)
  const content = String(equiv?.properties.content ?? '')
  const at = content.toLowerCase().indexOf('charset=')
  if (at < 0) return undefined
  return content.slice(at + 'charset='.length).split(';')[0]!.trim().replace(/^["']|["']$/g, '') || undefined
}

/** windows-1252's 0x80–0x9F, where it differs from ISO-8859-1 (the five unassigned bytes kept as their C1 code points, as browsers do). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    parts.push(String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte))))
  }
  return parts.join('')
}
