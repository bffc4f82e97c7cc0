import type { Font } from 'opentype.js'
import { fontFor, type CoverFonts, type FontFamily } from './fonts.ts'

/** What a typographic cover shows. */
export interface CoverText {
  title: string
  subtitle?: string
  /** Already joined: "A and B". */
  authors: string
  /** "Part 2 of The Series", when the book is in one. */
  series?: string
}

export const COVER_WIDTH = 1600
export const COVER_HEIGHT = 2400

const MARGIN = 150
const INK = '#f4ecd8'
const PAPER = '#1f2b3a'
const RULE = '#c9a65b'

/**
 * A typographic cover as SVG: every letter drawn as a path from the
 * bundled font, so the SVG depends on nothing installed and renders the
 * same everywhere. Pure: same text and fonts, same SVG.
 */
export function typographicCover(text: CoverText, fonts: CoverFonts): string {
  const width = COVER_WIDTH - 2 * MARGIN
  const parts: string[] = []
  let y = 620

  if (text.series) {
    const series = setLines(text.series, fonts.regular, 64, width, 2)
    for (const line of series.lines) {
      parts.push(centred(line, series.font, series.size, y))
      y += series.size * 1.25
    }
    y += 60
  }

  const title = fit(text.title, fonts.semibold, [200, 170, 144, 120, 100, 84], width, 4)
  y = Math.max(y, 820 - ((title.lines.length - 1) * title.size * 1.1) / 2)
  for (const line of title.lines) {
    y += title.size
    parts.push(centred(line, title.font, title.size, y))
    y += title.size * 0.1
  }

  if (text.subtitle) {
    const subtitle = setLines(text.subtitle, fonts.regular, 76, width, 3)
    y += 60
    for (const line of subtitle.lines) {
      y += subtitle.size
      parts.push(centred(line, subtitle.font, subtitle.size, y))
      y += subtitle.size * 0.2
    }
  }

  y += 110
  parts.push(`<rect x="${COVER_WIDTH / 2 - 160}" y="${y}" width="320" height="6" fill="${RULE}"/>`)

  const authors = fit(text.authors, fonts.regular, [96, 84, 72, 60], width, 3)
  let authorY = COVER_HEIGHT - 300 - (authors.lines.length - 1) * authors.size * 1.2
  for (const line of authors.lines) {
    parts.push(centred(line, authors.font, authors.size, authorY))
    authorY += authors.size * 1.2
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${PAPER}"/>`,
    `<rect x="60" y="60" width="${COVER_WIDTH - 120}" height="${COVER_HEIGHT - 120}" fill="none" stroke="${RULE}" stroke-width="4"/>`,
    `<g fill="${INK}">`,
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n')
}

interface SetText {
  lines: string[]
  font: Font
  size: number
}

/** The largest size at which the text breaks into at most `maxLines` lines. */
function fit(text: string, family: FontFamily, sizes: number[], width: number, maxLines: number): SetText {
  let set: SetText | undefined
  for (const size of sizes) {
    set = setLines(text, family, size, width, Number.POSITIVE_INFINITY)
    if (set.lines.length <= maxLines) return set
  }
  return set ?? setLines(text, family, sizes.at(-1) ?? 60, width, maxLines)
}

/** Greedy line breaking at spaces; a word wider than the line is shrunk by its line's own size. */
function setLines(text: string, family: FontFamily, size: number, width: number, maxLines: number): SetText {
  const font = fontFor(text, family)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && measure(candidate, font, size) > width) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`
    return { lines: kept, font, size }
  }
  return { lines, font, size }
}

/**
 * Lay a line out glyph by glyph: advance widths plus pair kerning. (opentype.js's
 * own `getPath` for a whole string can yield NaN coordinates with this font's
 * GPOS data; drawing each glyph at the origin and moving it never does.)
 */
function layout(line: string, font: Font, size: number, draw = true): { width: number; paths: string[] } {
  const scale = size / font.unitsPerEm
  const glyphs = font.stringToGlyphs(line)
  const paths: string[] = []
  let x = 0
  glyphs.forEach((glyph, index) => {
    // Measuring a line (fitting the title) needs only the advances, not the outlines.
    const d = draw ? glyph.getPath(0, 0, size).toPathData(2) : ''
    // A glyph opentype.js cannot outline (a script the font lacks, shaped
    // through its lookups) is left out rather than drawn broken; a book in
    // such a script should give its own cover.png.
    if (d && !d.includes('NaN')) paths.push(x === 0 ? d : `<g transform="translate(${round(x)} 0)"><path d="${d}"/></g>`)
    const next = glyphs[index + 1]
    const kerning = next ? font.getKerningValue(glyph, next) : 0
    x += ((glyph.advanceWidth ?? 0) + (Number.isFinite(kerning) ? kerning : 0)) * scale
  })
  return { width: x, paths }
}

function measure(line: string, font: Font, size: number): number {
  return layout(line, font, size, false).width
}

function centred(line: string, font: Font, size: number, baseline: number): string {
  const natural = measure(line, font, size)
  const usable = COVER_WIDTH - 2 * MARGIN
  // A single word longer than the line: scale it down rather than overflow.
  const scale = natural > usable ? usable / natural : 1
  const x = (COVER_WIDTH - natural * scale) / 2
  const glyphs = layout(line, font, size).paths.map((part) => (part.startsWith('<') ? part : `<path d="${part}"/>`))
  const transform = scale === 1 ? `translate(${round(x)} ${round(baseline)})` : `translate(${round(x)} ${round(baseline)}) scale(${round(scale)})`
  return `<g transform="${transform}">${glyphs.join('')}</g>`
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100)
}
