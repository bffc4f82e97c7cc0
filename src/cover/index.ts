import type { Metadata } from '../load/metadata.ts'
import type { GivenCover } from '../load/types.ts'
import { coverText, drawnCover, givenCover } from './image.ts'
import { coverFonts } from './fonts.ts'
import { svgToPng } from './png.ts'
import { typographicCover } from './typographic.ts'
import type { CoverImage } from './image.ts'

export { typographicCover, COVER_WIDTH, COVER_HEIGHT, type CoverText } from './typographic.ts'
export { coverText, drawnCover, givenCover, type CoverImage } from './image.ts'
export { svgToPng } from './png.ts'
export { coverFonts } from './fonts.ts'

/**
 * The manuscript's own `cover.jpg`/`cover.png` when it has one, else a
 * typographic cover (title, series, authors) drawn with the bundled font.
 */
export function coverImage(metadata: Metadata, given: GivenCover | undefined): CoverImage {
  if (given) return givenCover(given)
  const svg = typographicCover(coverText(metadata), coverFonts())
  return drawnCover(rendered(svg))
}

/**
 * Rasterising is most of a small book's build time, and the PNG is a pure
 * function of the SVG: a process that builds the same book again (tests,
 * a watcher) reuses the last few. Bounded, and never changes a byte.
 */
const recent = new Map<string, Uint8Array>()
const KEEP = 8

function rendered(svg: string): Uint8Array {
  let png = recent.get(svg)
  if (!png) {
    png = svgToPng(svg)
    if (recent.size >= KEEP) recent.delete(recent.keys().next().value as string)
    recent.set(svg, png)
  }
  return png
}

