import type { CoverFonts } from './fonts.ts'
import { coverSvg, layoutCover, type CoverText } from './layout.ts'

export { COVER_HEIGHT, COVER_WIDTH, type CoverText } from './layout.ts'

/**
 * A typographic cover as SVG: every letter drawn as a path from the
 * bundled font, so the SVG depends on nothing installed and renders the
 * same everywhere. Pure: same text and fonts, same SVG.
 */
export function typographicCover(text: CoverText, fonts: CoverFonts): string {
  return coverSvg(layoutCover(text, fonts))
}
