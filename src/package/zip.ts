import { crc32, deflateRaw, deflateRawSync } from 'node:zlib'
import { promisify } from 'node:util'

const deflate = promisify(deflateRaw)

/**
 * An entry's content: text (written as UTF-8), bytes, or bytes still being
 * made (a cover drawn on its own thread), which the zip waits for last.
 */
export type EntryData = string | Uint8Array | Promise<Uint8Array>

export interface ZipEntry {
  path: string
  data: EntryData
}

/** An entry whose content is made: what targets read and the verify stage checks. */
export interface MadeEntry {
  path: string
  data: string | Uint8Array
}

/** The entries with every pending content waited for, in their order. */
export async function settleEntries(entries: readonly ZipEntry[]): Promise<MadeEntry[]> {
  return Promise.all(entries.map(async (entry) => (entry.data instanceof Promise ? { path: entry.path, data: await entry.data } : (entry as MadeEntry))))
}

/** One entry's bytes as stored in the zip: what the deflate cache keeps. */
export interface PackedEntry {
  crc: number
  size: number
  /** Deflated data, or the data itself when stored. */
  data: Uint8Array
  stored: boolean
}

/** Remembers deflated entries between builds, by content (see src/cache/). */
export interface PackCache {
  packed(content: string | Uint8Array): PackedEntry | undefined
  remember(content: string | Uint8Array, entry: PackedEntry): void
}

/**
 * The deflate level: 9 packs 1 MB of our XHTML into 0.4% fewer bytes than 6
 * and takes twice as long (docs/decisions/0005-write-the-zip-ourselves.md).
 */
export const DEFLATE_LEVEL = 6

/**
 * A byte-reproducible EPUB container (OCF): `mimetype` first and stored,
 * then the entries in the order given, every one with the same DOS time,
 * no directory entries, no extra fields, deflated at one fixed level.
 * Small entries deflate at once, big ones in parallel on libuv's thread
 * pool (`POOL_BYTES`), and an entry whose bytes are still coming is waited
 * for while the others deflate; the zip's bytes only depend on the entries,
 * the date and zlib's output for the level.
 */
export async function zipEpub(entries: ZipEntry[], date: Date, cache?: PackCache, deflateTexts?: TextDeflater): Promise<Uint8Array> {
  const encoder = new TextEncoder()
  const all = [{ path: 'mimetype', data: 'application/epub+zip' }, ...entries]
  // Big texts (chapters) may be encoded and deflated elsewhere (the build's worker threads), all at once.
  const known = all.map((entry, index) => (index === 0 || entry.data instanceof Promise ? undefined : cache?.packed(entry.data)))
  const handed = deflateTexts ? all.flatMap((entry, index) => (index > 0 && !known[index] && typeof entry.data === 'string' && entry.data.length >= HAND_OVER_CHARS ? [index] : [])) : []
  const elsewhere = handed.length > 0 && deflateTexts ? await deflateTexts(handed.map((index) => ({ path: all[index]?.path as string, text: all[index]?.data as string }))) : []
  const byIndex = new Map(handed.map((index, at) => [index, elsewhere[at] as PackedEntry]))
  const packed = await Promise.all(
    all.map(async (entry, index) => {
      const ready = known[index] ?? byIndex.get(index)
      if (ready && byIndex.has(index) && typeof entry.data === 'string') cache?.remember(entry.data, ready)
      return { name: encoder.encode(entry.path), ...(ready ?? (await pack(await entry.data, index === 0, cache))) }
    }),
  )
  return assemble(packed, dosDateTime(date))
}

/** Encodes and deflates texts (as `deflateText` does), maybe on other threads; results in the order given. */
export type TextDeflater = (texts: Array<{ path: string; text: string }>) => Promise<PackedEntry[]>

/** Texts shorter than this are packed where they are: handing them over costs more than it saves. */
const HAND_OVER_CHARS = 16_384

/** One text as a deflated zip entry: UTF-8, its CRC-32 and size, deflated at `DEFLATE_LEVEL`. Synchronous, for worker threads. */
export function deflateText(text: string): PackedEntry {
  const content = Buffer.from(text, 'utf8')
  return deflatedEntry(content, deflateRawSync(content, { level: DEFLATE_LEVEL }))
}

/** The entry for `content` deflated as `deflated`: its CRC-32 and size are the content's. */
function deflatedEntry(content: Uint8Array, deflated: Buffer): PackedEntry {
  return { crc: crc32(content), size: content.byteLength, data: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), stored: false }
}

/**
 * Entries this big deflate on libuv's thread pool, beside the rest; smaller
 * ones deflate at once, on the calling thread, which has nothing else to do
 * while it zips. A trip to the pool (a zlib handle made, a thread woken, the
 * result handed back) cost more than deflating a page of XHTML: with every
 * entry sent there, a 10k book took 1.07 times as long, paired, and 100k and
 * 1M books 1.02 times. A big picture still deflates beside the others.
 */
const POOL_BYTES = 256 * 1024

/** Deflate (or store) one entry, unless the cache has it: then its text is not even encoded. */
async function pack(data: string | Uint8Array, store: boolean, cache: PackCache | undefined): Promise<PackedEntry> {
  const known = store ? undefined : cache?.packed(data)
  if (known) return known
  const content = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  if (store) return { crc: crc32(content), size: content.byteLength, data: content, stored: true }
  const entry = deflatedEntry(content, content.byteLength < POOL_BYTES ? deflateRawSync(content, { level: DEFLATE_LEVEL }) : await deflate(content, { level: DEFLATE_LEVEL }))
  cache?.remember(data, entry)
  return entry
}

interface Named extends PackedEntry {
  name: Uint8Array
}

const LOCAL = 30
const CENTRAL = 46
const END = 22
/** Version needed to extract: 2.0 (deflate); made by: MS-DOS, as jszip's `platform: 'DOS'` wrote. */
const VERSION = 20

function assemble(entries: Named[], time: { date: number; time: number }): Uint8Array {
  const localSize = entries.reduce((sum, entry) => sum + LOCAL + entry.name.byteLength + entry.data.byteLength, 0)
  const centralSize = entries.reduce((sum, entry) => sum + CENTRAL + entry.name.byteLength, 0)
  const bytes = new Uint8Array(localSize + centralSize + END)
  const view = new DataView(bytes.buffer)
  const offsets: number[] = []
  let at = 0
  const header = (signature: number, entry: Named): void => {
    view.setUint32(at, signature, true)
    at += 4
    if (signature === 0x02014b50) {
      view.setUint16(at, VERSION, true)
      at += 2
    }
    view.setUint16(at, VERSION, true)
    view.setUint16(at + 2, 0, true) // flags: names are ASCII, sizes known up front
    view.setUint16(at + 4, entry.stored ? 0 : 8, true)
    view.setUint16(at + 6, time.time, true)
    view.setUint16(at + 8, time.date, true)
    view.setUint32(at + 10, entry.crc, true)
    view.setUint32(at + 14, entry.data.byteLength, true)
    view.setUint32(at + 18, entry.size, true)
    view.setUint16(at + 22, entry.name.byteLength, true)
    view.setUint16(at + 24, 0, true) // no extra field
    at += 26
  }
  for (const entry of entries) {
    offsets.push(at)
    header(0x04034b50, entry)
    bytes.set(entry.name, at)
    at += entry.name.byteLength
    bytes.set(entry.data, at)
    at += entry.data.byteLength
  }
  const centralStart = at
  entries.forEach((entry, index) => {
    header(0x02014b50, entry)
    // comment length, disk number, internal and external attributes: all 0
    view.setUint32(at + 10, offsets[index] ?? 0, true)
    at += 14
    bytes.set(entry.name, at)
    at += entry.name.byteLength
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, entries.length, true)
  view.setUint16(at + 10, entries.length, true)
  view.setUint32(at + 12, at - centralStart, true)
  view.setUint32(at + 16, centralStart, true)
  return bytes
}

/** MS-DOS date and time fields (UTC, 2-second steps), as every zip tool reads them. */
function dosDateTime(date: Date): { date: number; time: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}
