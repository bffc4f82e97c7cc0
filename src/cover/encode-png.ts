import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib'

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)

/**
 * RGBA pixels as a PNG (8 bits per channel, no interlacing, filter type 0
 * on every row), deflated by Node's zlib at its default level, as the
 * EPUB's own entries are. A third smaller and three times faster here than
 * resvg's own encoder for a drawn cover, whose flat colours need no filter.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4
  const raw = new Uint8Array((stride + 1) * height)
  for (let row = 0; row < height; row++) raw.set(rgba.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1)
  return png(header(width, height, 6), [], deflateSync(raw))
}

/** Scanlines as the PNG stores them (a filter byte, then the pixels), the whole group `times` over. */
export interface ScanlineRun {
  scanlines: Uint8Array
  times: number
}

/**
 * An image of palette indexes (colour type 3, 8 bits per pixel) given as
 * runs of scanlines, written without ever holding it whole: a cover is mostly
 * rows repeated hundreds of times, so each run is deflated once as a piece of
 * its own (at most 64 KiB of rows, flushed to a byte boundary and repeated as
 * often as needed), and the pieces make one zlib stream. Fresh memory is slow
 * to touch on some machines (4 ms a megabyte here); 3.8 MB of scanlines were a
 * fifth of the cover's time.
 */
export function encodeIndexedPngRuns(width: number, height: number, palette: Uint8Array, runs: readonly ScanlineRun[]): Uint8Array {
  const pieces: Uint8Array[] = [Uint8Array.of(0x78, 0x9c)]
  let adler = 1
  const add = (data: Uint8Array, times: number): void => {
    const piece = deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH })
    const sum = adler32(data)
    for (let time = 0; time < times; time++) {
      pieces.push(piece)
      adler = adler32Combine(adler, sum, data.byteLength)
    }
  }
  for (const run of runs) {
    if (run.times === 1) {
      add(run.scanlines, 1)
      continue
    }
    const per = Math.max(1, Math.min(run.times, Math.floor(PIECE_BYTES / run.scanlines.byteLength)))
    add(repeat(run.scanlines, per), Math.floor(run.times / per))
    if (run.times % per > 0) add(repeat(run.scanlines, run.times % per), 1)
  }
  pieces.push(deflateRawSync(new Uint8Array(0)))
  const trailer = new Uint8Array(4)
  new DataView(trailer.buffer).setUint32(0, adler)
  pieces.push(trailer)
  return png(header(width, height, 3), [chunk('PLTE', palette)], Buffer.concat(pieces))
}

const PIECE_BYTES = 65_536

function repeat(bytes: Uint8Array, times: number): Uint8Array {
  const out = new Uint8Array(bytes.byteLength * times)
  for (let time = 0; time < times; time++) out.set(bytes, time * bytes.byteLength)
  return out
}

const ADLER_BASE = 65_521

function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  for (let at = 0; at < data.byteLength; ) {
    // 5,552 bytes is the most that can be summed before the 32-bit sums must be reduced (zlib's NMAX).
    const end = Math.min(at + 5552, data.byteLength)
    for (; at < end; at++) {
      a += data[at] as number
      b += a
    }
    a %= ADLER_BASE
    b %= ADLER_BASE
  }
  return ((b << 16) | a) >>> 0
}

/** The Adler-32 of two pieces of data one after the other, from theirs and the second's length (zlib's adler32_combine). */
function adler32Combine(first: number, second: number, secondLength: number): number {
  const remainder = secondLength % ADLER_BASE
  let a = first & 0xffff
  let b = (remainder * a) % ADLER_BASE
  a += (second & 0xffff) + ADLER_BASE - 1
  b += (first >>> 16) + (second >>> 16) + ADLER_BASE - remainder
  if (a >= ADLER_BASE) a -= ADLER_BASE
  if (a >= ADLER_BASE) a -= ADLER_BASE
  if (b >= ADLER_BASE * 2) b -= ADLER_BASE * 2
  if (b >= ADLER_BASE) b -= ADLER_BASE
  return ((b << 16) | a) >>> 0
}

function header(width: number, height: number, colourType: number): Uint8Array {
  const bytes = new Uint8Array(13)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  bytes.set([8, colourType, 0, 0, 0], 8)
  return bytes
}

/** The PNG's chunks around its image data, already zlib-compressed. */
function png(ihdr: Uint8Array, extra: Uint8Array[], idat: Uint8Array): Uint8Array {
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...extra, chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))])
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.byteLength)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, data.byteLength)
  bytes.set(Buffer.from(type, 'latin1'), 4)
  bytes.set(data, 8)
  view.setUint32(8 + data.byteLength, crc32(bytes.subarray(4, 8 + data.byteLength)))
  return bytes
}
