import { resvg, type ResvgRenderOptions } from './resvg.ts'
import { encodePng } from './encode-png.ts'

/** System fonts are never loaded: a cover's SVG carries its letters as paths, so the pixels depend on nothing installed. */
export const resvgOptions: ResvgRenderOptions = { font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1, imageRendering: 0 }

/**
 * Render an SVG to PNG with resvg (a prebuilt binary inside the npm
 * package). The same SVG always gives the same bytes, so a rebuild
 * (watch, preview, tests) reuses the last few.
 */
export function svgToPng(svg: string): Uint8Array {
  const known = rendered.get(svg)
  if (known) return known
  const image = resvg(svg, resvgOptions).render()
  const png = encodePng(image.width, image.height, image.pixels)
  if (rendered.size >= 8) rendered.delete(rendered.keys().next().value as string)
  rendered.set(svg, png)
  return png
}

const rendered = new Map<string, Uint8Array>()
