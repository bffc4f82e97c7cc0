import { Resvg } from '@resvg/resvg-js'

/**
 * Render an SVG to PNG with resvg (a prebuilt binary inside the npm
 * package). System fonts are never loaded: the cover's SVG carries its
 * letters as paths, so the pixels depend on nothing installed.
 */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1, imageRendering: 0 })
  return new Uint8Array(resvg.render().asPng())
}
