import { Resvg } from '@resvg/resvg-js'
import { encodePng } from './encode-png.ts'

/**
 * Render an SVG to PNG with resvg (a prebuilt binary inside the npm
 * package). System fonts are never loaded: the cover's SVG carries its
 * letters as paths, so the pixels depend on nothing installed.
 */
export function svgToPng(svg: string): Uint8Array {
  const known = rendered.get(svg)
  if (known) return known
  const png = render(svg)
  // Rendering is the slow part of a build with a drawn cover; the same SVG
  // always gives the same bytes, so a rebuild (watch, preview, tests) reuses them.
  if (rendered.size >= 8) rendered.delete(rendered.keys().next().value as string)
  rendered.set(svg, png)
  return png
}

const rendered = new Map<string, Uint8Array>()

function render(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1, imageRendering: 0 })
  const image = resvg.render()
  return encodePng(image.width, image.height, image.pixels)
}
