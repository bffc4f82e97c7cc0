import { inflateSync } from 'node:zlib'

/** A PNG's pixels as RGB triples: enough of a decoder for the PNGs colophon writes (8-bit RGBA or palette, filter 0). */
export function decodePng(png: Uint8Array): { width: number; height: number; colourType: number; rgb: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let width = 0
  let height = 0
  let colourType = 0
  let palette: Uint8Array = new Uint8Array(0)
  const data: Uint8Array[] = []
  for (let at = 8; at < png.byteLength; ) {
    const length = view.getUint32(at)
    const type = Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1')
    const body = png.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      colourType = body[9] as number
    }
    if (type === 'PLTE') palette = body
    if (type === 'IDAT') data.push(body)
    at += 12 + length
  }
  const bytesPerPixel = colourType === 3 ? 1 : 4
  const raw = inflateSync(Buffer.concat(data))
  const rgb = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const row = y * (width * bytesPerPixel + 1)
    if (raw[row] !== 0) throw new Error(`Unexpected filter ${raw[row]} on row ${y}, expected 0`)
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * bytesPerPixel
      const from = colourType === 3 ? palette.subarray((raw[at] as number) * 3, (raw[at] as number) * 3 + 3) : raw.subarray(at, at + 3)
      rgb.set(from, (y * width + x) * 3)
    }
  }
  return { width, height, colourType, rgb }
}
