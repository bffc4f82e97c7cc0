import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import type { VFile } from 'vfile'
import { BookError } from '../../errors.ts'
import { decodeBytes, decodeText, decodeWindows1252 } from '../decode.ts'

/**
 * An HTML file's bytes as text. The shared decoder (`../decode.ts`) reads a
 * byte-order mark and UTF-8, which is what browsers save and the archives
 * serve; bytes that are not UTF-8 are decoded by the charset the page
 * declares (`<meta charset>` or its `http-equiv` form, read with the same
 * parser as the page, from a Latin-1 reading of the bytes that keeps every
 * ASCII tag as it is), else as windows-1252, the web's default since HTML 4
 * and the shared decoder's own fallback. Each fallback is reported; a charset
 * the runtime cannot decode is an error.
 */
export function decodeHtml(file: VFile): string {
  const bytes = file.value as Uint8Array
  const decoded = decodeBytes(bytes)
  if (!('reason' in decoded) && decoded.encoding !== 'windows-1252') return decoded.text
  const declared = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))
  const label = declared ?? 'windows-1252'
  let encoding: string
  try {
    encoding = new TextDecoder(label).encoding
  } catch {
    const message = file.message(`Unexpected charset \`${label}\`, expected one a browser decodes (UTF-8, windows-1252, ISO-8859-1 …)`, {
      ruleId: 'import-encoding',
      source: 'colophon-import',
    })
    message.fatal = true
    throw new BookError([message])
  }
  // WHATWG maps latin1, ascii and the like to windows-1252, which the shared decoder reads
  // (Node's own decoder takes that label as ISO-8859-1, 0x80–0x9F as C1 controls); bytes that
  // are not text even so fail there, at their place.
  if (encoding === 'windows-1252' && 'reason' in decoded) return decodeText(file)
  file.info(
    declared ? `encoding: ${encoding}, as the page's \`<meta charset>\` declares (the bytes are not UTF-8)` : `encoding: not UTF-8 and none declared, read as ${encoding}`,
    { ruleId: 'import-encoding', source: 'colophon-import' },
  )
  if (encoding === 'windows-1252') return 'reason' in decoded ? decodeWindows1252(bytes) : decoded.text
  return new TextDecoder(encoding).decode(bytes).replace(/\r\n?/g, '\n')
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
