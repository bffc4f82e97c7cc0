import { inflateSync } from 'node:zlib'

/**
 * A WOFF 1 font as the plain OpenType (sfnt) file it wraps: each table
 * inflated by Node's zlib, then laid out with its directory again. opentype.js
 * reads WOFF itself, through an inflater written in JavaScript that is most
 * of the time it takes to open the cover's fonts.
 * (https://www.w3.org/TR/WOFF/#OverallStructure)
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (view.getUint32(0) !== 0x774f4646) throw new Error('Unexpected font file, expected WOFF (wOFF)')
  const flavor = view.getUint32(4)
  const count = view.getUint16(12)
  const tables = Array.from({ length: count }, (_, index) => {
    const entry = 44 + index * 20
    const offset = view.getUint32(entry + 4)
    const compressed = view.getUint32(entry + 8)
    const length = view.getUint32(entry + 12)
    const stored = woff.subarray(offset, offset + compressed)
    return { tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data: compressed < length ? inflateSync(stored) : stored }
  })
  const headerLength = 12 + count * 16
  const size = tables.reduce((sum, table) => sum + padded(table.data.byteLength), headerLength)
  const sfnt = new Uint8Array(size)
  const out = new DataView(sfnt.buffer)
  const power = 2 ** Math.floor(Math.log2(count))
  out.setUint32(0, flavor)
  out.setUint16(4, count)
  out.setUint16(6, power * 16)
  out.setUint16(8, Math.log2(power))
  out.setUint16(10, count * 16 - power * 16)
  let at = headerLength
  tables.forEach((table, index) => {
    const record = 12 + index * 16
    out.setUint32(record, table.tag)
    out.setUint32(record + 4, table.checksum)
    out.setUint32(record + 8, at)
    out.setUint32(record + 12, table.data.byteLength)
    sfnt.set(table.data, at)
    at += padded(table.data.byteLength)
  })
  return sfnt
}

function padded(length: number): number {
  return (length + 3) & ~3
}
