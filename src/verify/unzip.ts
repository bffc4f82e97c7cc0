import { inflateRawSync } from 'node:zlib'

/** One file of a zip, decompressed. */
export interface ZipEntry {
  name: string
  bytes: Uint8Array
}

/**
 * Every file of a zip as the central directory lists it, inflated with
 * Node's zlib: several times faster than JSZip's JavaScript inflate on a big
 * book. Only what colophon writes and most EPUBs use (stored or deflated
 * entries, no ZIP64, no encryption); undefined for anything else, and the
 * caller reads the zip with JSZip instead.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndOfDirectory(view)
  if (end < 0) return undefined
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const compressed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
    if (flags & 1 || compressed === 0xffffffff || local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) return undefined
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(start, start + compressed)
    if (method === 0) entries.push({ name, bytes: data })
    else if (method === 8) entries.push({ name, bytes: inflateRawSync(data) })
    else return undefined
    if ((entries.at(-1) as ZipEntry).bytes.byteLength !== size) return undefined
  }
  return entries
}

/** Offset of the end-of-central-directory record, searched back over a comment of up to 64 KiB. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at
  }
  return -1
}
