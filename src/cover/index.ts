import type { Metadata } from '../load/metadata.ts'
import type { GivenCover } from '../load/types.ts'
import { format, labelsFor, listNames } from '../render/labels.ts'
import { coverFonts } from './fonts.ts'
import { svgToPng } from './png.ts'
import { typographicCover, type CoverText } from './typographic.ts'

export { typographicCover, COVER_WIDTH, COVER_HEIGHT, type CoverText } from './typographic.ts'
export { svgToPng } from './png.ts'
export { coverFonts } from './fonts.ts'

/** The book's cover image, ready to go into the EPUB. */
export interface CoverImage {
  /** Path inside the EPUB's content folder. */
  href: string
  mediaType: 'image/png' | 'image/jpeg'
  data: Uint8Array
  /** True when colophon drew it (no cover.jpg or cover.png in the manuscript). */
  generated: boolean
}

/**
 * The manuscript's own `cover.jpg`/`cover.png` when it has one, else a
 * typographic cover (title, series, authors) drawn with the bundled font.
 */
export function coverImage(metadata: Metadata, given: GivenCover | undefined): CoverImage {
  if (given) {
    const extension = given.mediaType === 'image/png' ? 'png' : 'jpg'
    return { href: `images/cover.${extension}`, mediaType: given.mediaType, data: given.data, generated: false }
  }
  const svg = typographicCover(coverText(metadata), coverFonts())
  return { href: 'images/cover.png', mediaType: 'image/png', data: rendered(svg), generated: true }
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

export function coverText(metadata: Metadata): CoverText {
  const labels = labelsFor(metadata.language)
  const series = metadata.series
  return {
    title: metadata.title,
    subtitle: metadata.subtitle,
    authors: listNames(
      metadata.authors.filter((author) => author.role === 'aut').map((author) => author.name),
      labels,
      metadata.language,
    ),
    series: series ? (series.number === undefined ? series.name : format(labels.seriesPart, { number: series.number, series: series.name })) : undefined,
  }
}
