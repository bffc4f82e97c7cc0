/**
 * The most pixels an image or cover may have: 40 megapixels (say 8000 ×
 * 5000), several times what any reader's screen shows, and 160 MB once a
 * reader decodes it to RGBA. A PNG's header can claim 100,000 × 100,000
 * pixels (40 GB decoded) in a few hundred bytes: such a "decompression
 * bomb" knocks over the reader that opens it.
 */
export const MAX_PIXELS = 40_000_000

/**
 * Why the image's header rules it out, if it does: read by image-size from
 * the header alone (the pixels are never decoded). `of 100000 × 100000
 * pixels (10000 megapixels)`.
 */
export async function pixelProblem(data: Uint8Array): Promise<string | undefined> {
  const { imageSize } = await import('image-size')
  let width: number | undefined
  let height: number | undefined
  try {
    const size = imageSize(data)
    // A GIF's or ICO's frames are listed apart; the largest counts.
    const frames = size.images && size.images.length > 0 ? size.images : [size]
    for (const frame of frames) {
      if ((frame.width ?? 0) * (frame.height ?? 0) > (width ?? 0) * (height ?? 0)) {
        width = frame.width
        height = frame.height
      }
    }
  } catch {
    return undefined
  }
  if (width === undefined || height === undefined || width * height <= MAX_PIXELS) return undefined
  return `of ${width} × ${height} pixels (${Math.round((width * height) / 1_000_000)} megapixels)`
}
