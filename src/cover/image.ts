import type { Metadata } from '../load/metadata.ts'
import type { GivenCover } from '../load/types.ts'
import { format, labelsFor, listNames } from '../render/labels.ts'
import type { CoverText } from './layout.ts'

// What a build needs to know of its cover without loading what draws one
// (opentype.js, resvg): the drawing is in index.ts, or on a thread of its own.

/** The book's cover image, ready to go into the EPUB. */
export interface CoverImage {
  /** Path inside the EPUB's content folder. */
  href: string
  mediaType: 'image/png' | 'image/jpeg'
  /** The image, or the promise of it while its thread draws it: only the zip waits for it. */
  data: Uint8Array | Promise<Uint8Array>
  /** True when colophon drew it (no cover.jpg or cover.png in the manuscript). */
  generated: boolean
}

/** The manuscript's own cover, as it goes into the EPUB. */
export function givenCover(given: GivenCover): CoverImage {
  const extension = given.mediaType === 'image/png' ? 'png' : 'jpg'
  return { href: `images/cover.${extension}`, mediaType: given.mediaType, data: given.data, generated: false }
}

/** A cover colophon drew (a PNG), or is drawing. */
export function drawnCover(data: Uint8Array | Promise<Uint8Array>): CoverImage {
  return { href: 'images/cover.png', mediaType: 'image/png', data, generated: true }
}

/** What is written on a drawn cover. */
export function coverText(metadata: Metadata): CoverText {
  const labels = labelsFor(metadata.language, metadata.labels)
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
