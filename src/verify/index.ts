import JSZip from 'jszip'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { wellFormedError } from './well-formed.ts'

export { wellFormedError } from './well-formed.ts'

const XML_ENTRY = /\.(?:xhtml|html|opf|ncx|xml|svg)$/

/**
 * Check a finished EPUB the way readers will meet it: the OCF rules
 * (`mimetype` first, stored, exact content) and that every XML file in it
 * is well-formed. Returns fatal messages located in the EPUB's entries.
 */
export async function verifyEpub(bytes: Uint8Array, bookName = 'book.epub'): Promise<VFileMessage[]> {
  const problems: VFileMessage[] = []
  const report = (path: string, reason: string, ruleId: string, place?: { line: number; column: number }): void => {
    const message = new VFile({ path: `${bookName}/${path}` }).message(reason, { place, ruleId, source: 'colophon-verify' })
    message.fatal = true
    problems.push(message)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const nameLength = view.getUint16(26, true)
  const firstName = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))
  if (view.getUint32(0, true) !== 0x04034b50 || firstName !== 'mimetype') {
    report('mimetype', 'Unexpected first zip entry, expected `mimetype`', 'ocf-mimetype-first')
  } else if (view.getUint16(8, true) !== 0) {
    report('mimetype', 'Unexpected compressed `mimetype`, expected it stored', 'ocf-mimetype-stored')
  }
  const zip = await JSZip.loadAsync(bytes)
  const mimetype = await zip.file('mimetype')?.async('string')
  if (mimetype !== 'application/epub+zip') {
    report('mimetype', 'Unexpected `mimetype` content, expected `application/epub+zip`', 'ocf-mimetype-content')
  }
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]
    if (!entry || entry.dir || !XML_ENTRY.test(name)) continue
    const error = wellFormedError(await entry.async('string'))
    if (error) report(name, `Unexpected malformed XML: ${error.message}`, 'well-formed', error)
  }
  return problems
}
