import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { wellFormedError, type XmlProblem } from './well-formed.ts'
import { readZip, type ZipEntry } from './unzip.ts'
import { verifyReferences } from './references.ts'
import { verifySafety } from './safety.ts'

export { wellFormedError, type XmlProblem } from './well-formed.ts'
export { verifyReferences, type BookEntry } from './references.ts'
export { ownTemplateOf, verifySafety } from './safety.ts'

const XML_ENTRY = /\.(?:xhtml|html|opf|ncx|xml|svg)$/

/** Whether the EPUB's entry at `path` is XML, which the verify stage checks. */
export function isXmlEntry(path: string): boolean {
  return XML_ENTRY.test(path)
}

/** An entry of the EPUB as text, before or after zipping. */
export interface TextEntry {
  path: string
  text: string
}

/** Checks XML documents, maybe elsewhere (worker threads) or from a cache; in order of `entries`. */
export type XmlChecker = (entries: TextEntry[]) => Promise<Array<XmlProblem | undefined>>

const checkHere: XmlChecker = async (entries) => entries.map((entry) => wellFormedError(entry.text))

/**
 * Check a finished EPUB the way readers will meet it: the OCF rules
 * (`mimetype` first, stored, exact content), that every XML file in it
 * is well-formed, and that the manifest and the references agree with the
 * files (`references.ts`). Returns fatal messages located in the EPUB's entries.
 */
export async function verifyEpub(bytes: Uint8Array, bookName = 'book.epub', check: XmlChecker = checkHere): Promise<VFileMessage[]> {
  const problems = verifyContainer(bytes, bookName)
  const files = readZip(bytes) ?? (await readWithJszip(bytes))
  const decoder = new TextDecoder()
  const mimetype = files.find((file) => file.name === 'mimetype')
  if (problems.length === 0 && (!mimetype || decoder.decode(mimetype.bytes) !== 'application/epub+zip')) {
    problems.push(problem(bookName, 'mimetype', 'Unexpected `mimetype` content, expected `application/epub+zip`', 'ocf-mimetype-content'))
  }
  const entries = files.map((file) => ({ path: file.name, data: file.bytes }))
  problems.push(...(await verifyXml(xmlEntries(entries), bookName, check)))
  problems.push(...verifyReferences(entries, bookName, { unlisted: false }))
  return problems
}

/**
 * Check an EPUB colophon just made: the OCF rules on its bytes, and every
 * XML file as it went into the zip (`entries`, the zip writer's input). The
 * same checks as `verifyEpub` without inflating the zip again: the zip
 * writer itself is held to the validators by the tests. Every page, drawing
 * and style sheet is also checked for script and outside resources
 * (safety.ts); `templateOf` names the book's own template that made a file.
 */
export async function verifyBuilt(
  bytes: Uint8Array,
  entries: ReadonlyArray<{ path: string; data: string | Uint8Array }>,
  bookName = 'book.epub',
  check: XmlChecker = checkHere,
  templateOf?: (path: string) => string | undefined,
): Promise<VFileMessage[]> {
  const problems = verifyContainer(bytes, bookName)
  problems.push(...(await verifyXml(xmlEntries(entries), bookName, check)))
  problems.push(...verifyReferences(entries, bookName))
  problems.push(...verifySafety(entries, bookName, templateOf))
  return problems
}

/** The XML files among a zip's files, as text, by name (the order messages come in). */
function xmlEntries(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>): TextEntry[] {
  const decoder = new TextDecoder()
  return files
    .filter((file) => isXmlEntry(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => ({ path: file.path, text: typeof file.data === 'string' ? file.data : decoder.decode(file.data) }))
}

/** Any zip JSZip reads (ZIP64, other tools' quirks), for EPUBs colophon did not make. */
async function readWithJszip(bytes: Uint8Array): Promise<ZipEntry[]> {
  // Loaded only here: most builds never need it.
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  const files: ZipEntry[] = []
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.push({ name, bytes: await entry.async('uint8array') })
  return files
}

/**
 * The OCF rules a zip's first bytes must follow: `mimetype` is the first
 * entry, stored, and says `application/epub+zip`.
 */
export function verifyContainer(bytes: Uint8Array, bookName = 'book.epub'): VFileMessage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const decoder = new TextDecoder()
  if (bytes.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) {
    return [problem(bookName, 'mimetype', 'Unexpected first zip entry, expected `mimetype`', 'ocf-mimetype-first')]
  }
  const nameLength = view.getUint16(26, true)
  const extraLength = view.getUint16(28, true)
  if (decoder.decode(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') {
    return [problem(bookName, 'mimetype', 'Unexpected first zip entry, expected `mimetype`', 'ocf-mimetype-first')]
  }
  if (view.getUint16(8, true) !== 0) {
    return [problem(bookName, 'mimetype', 'Unexpected compressed `mimetype`, expected it stored', 'ocf-mimetype-stored')]
  }
  const start = 30 + nameLength + extraLength
  const content = decoder.decode(bytes.subarray(start, start + view.getUint32(18, true)))
  if (content !== 'application/epub+zip') {
    return [problem(bookName, 'mimetype', 'Unexpected `mimetype` content, expected `application/epub+zip`', 'ocf-mimetype-content')]
  }
  return []
}

/** Well-formedness of every XML entry (by file name), located in the entry. */
export async function verifyXml(entries: TextEntry[], bookName = 'book.epub', check: XmlChecker = checkHere): Promise<VFileMessage[]> {
  const xml = entries.filter((entry) => XML_ENTRY.test(entry.path))
  const results = await check(xml)
  return xml.flatMap((entry, index) => {
    const error = results[index]
    return error ? [problem(bookName, entry.path, `Unexpected malformed XML: ${error.message}`, 'well-formed', error)] : []
  })
}

function problem(bookName: string, path: string, reason: string, ruleId: string, place?: { line: number; column: number }): VFileMessage {
  const message = new VFile({ path: `${bookName}/${path}` }).message(reason, { place, ruleId, source: 'colophon-verify' })
  message.fatal = true
  return message
}
