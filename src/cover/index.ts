import type { Metadata } from '../load/metadata.ts'
import type { GivenCover } from '../load/types.ts'
import { coverText, drawnCover, givenCover } from './image.ts'
import { coverFonts } from './fonts.ts'
import { layoutCover } from './layout.ts'
import { rasterCover } from './raster.ts'
import type { CoverImage } from './image.ts'
import type { CoverText } from './layout.ts'

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
  return drawnCover(drawCover(coverText(metadata)))
}

/**
 * The typographic cover for this text as a PNG, the one drawing both the
 * build's cover thread and a build without one use.
 */
export function drawCover(text: CoverText): Uint8Array {
  return rasterCover(layoutCover(text, coverFonts()))
}
