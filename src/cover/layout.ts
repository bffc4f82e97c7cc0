import type { Font, Glyph } from 'opentype.js/dist/opentype.min.mjs'
import { twoDecimals as round } from './decimals.ts'
import { fontOf, type CoverFonts, type FontFamily } from './fonts.ts'

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

/** The cover's three colours, as 0xRRGGBB. */
export const COVER_COLOURS = { ink: 0xf4ecd8, paper: 0x1f2b3a, rule: 0xc9a65b } as const

const MARGIN = 150

/** A box in cover pixels: `left`/`top` included, `right`/`bottom` not. */
export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** One line of lettering: its glyphs as SVG, and the box its ink stays inside. */
export interface SetLine {
  svg: string
  box: Box
}

/**
 * Where everything on a typographic cover goes: a paper-coloured page, a
 * frame and a short rule in the rule colour (both on whole pixels, so their
 * edges are sharp), and lines of lettering in the ink colour. Pure: same
 * text and fonts, same layout.
 */
export interface CoverLayout {
  /** The frame's outline: a 4-pixel band inside the page's edges. */
  frame: Box
  frameWidth: number
  rule: Box
  lines: SetLine[]
}

/** Lay the cover out: the series above the title, the title, the subtitle, a rule, the authors at the foot. */
export function layoutCover(text: CoverText, fonts: CoverFonts): CoverLayout {
  const width = COVER_WIDTH - 2 * MARGIN
  const lines: SetLine[] = []
  let y = 620

  if (text.series) {
    const series = setLines(text.series, fonts.regular, 64, width, 2)
    for (const line of series.lines) {
      lines.push(centred(line, series.family, series.size, y))
      y += series.size * 1.25
    }
    y += 60
  }

  const title = fit(text.title, fonts.semibold, [200, 170, 144, 120, 100, 84], width, 4)
  y = Math.max(y, 820 - ((title.lines.length - 1) * title.size * 1.1) / 2)
  for (const line of title.lines) {
    y += title.size
    lines.push(centred(line, title.family, title.size, y))
    y += title.size * 0.1
  }

  if (text.subtitle) {
    const subtitle = setLines(text.subtitle, fonts.regular, 76, width, 3)
    y += 60
    for (const line of subtitle.lines) {
      y += subtitle.size
      lines.push(centred(line, subtitle.family, subtitle.size, y))
      y += subtitle.size * 0.2
    }
  }

  y = Math.round(y + 110)
  const rule = { left: COVER_WIDTH / 2 - 160, top: y, right: COVER_WIDTH / 2 + 160, bottom: y + 6 }

  const authors = fit(text.authors, fonts.regular, [96, 84, 72, 60], width, 3)
  let authorY = COVER_HEIGHT - 300 - (authors.lines.length - 1) * authors.size * 1.2
  for (const line of authors.lines) {
    lines.push(centred(line, authors.family, authors.size, authorY))
    authorY += authors.size * 1.2
  }

  return { frame: { left: 58, top: 58, right: COVER_WIDTH - 58, bottom: COVER_HEIGHT - 58 }, frameWidth: 4, rule, lines }
}

/** The layout as one SVG, every letter a path: it depends on nothing installed and renders the same everywhere. */
export function coverSvg(layout: CoverLayout): string {
  const { frame, frameWidth, rule } = layout
  const half = frameWidth / 2
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${hex(COVER_COLOURS.paper)}"/>`,
    `<rect x="${frame.left + half}" y="${frame.top + half}" width="${frame.right - frame.left - frameWidth}" height="${frame.bottom - frame.top - frameWidth}" fill="none" stroke="${hex(COVER_COLOURS.rule)}" stroke-width="${frameWidth}"/>`,
    `<rect x="${rule.left}" y="${rule.top}" width="${rule.right - rule.left}" height="${rule.bottom - rule.top}" fill="${hex(COVER_COLOURS.rule)}"/>`,
    `<g fill="${hex(COVER_COLOURS.ink)}">`,
    ...layout.lines.map((line) => line.svg),
    '</g>',
    '</svg>',
  ].join('\n')
}

function hex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`
}

interface SetText {
  lines: string[]
  family: FontFamily
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
  const font = family
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
    return { lines: kept, family, size }
  }
  return { lines, family, size }
}

interface Outline {
  /** SVG path data, drawn at the origin. */
  d: string
  /** How far the glyph's ink reaches from the origin. */
  box: Box
}

/**
 * A glyph's outline at a size, or undefined for one opentype.js cannot outline.
 * The path data (two decimals) and the box are made in one pass over the
 * commands: the box holds the control points too, so it is never smaller than
 * the ink. (opentype.js's `toPathData` and exact `getBoundingBox` were two
 * thirds of the layout's time on a cover thread, whose code is still cold.)
 */
function outline(glyph: Glyph, size: number): Outline | undefined {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity }
  const point = (x: number, y: number): string => {
    if (x < box.left) box.left = x
    if (x > box.right) box.right = x
    if (y < box.top) box.top = y
    if (y > box.bottom) box.bottom = y
    return `${round(x)} ${round(y)}`
  }
  let d = ''
  for (const command of glyph.getPath(0, 0, size).commands) {
    if (command.type === 'Z') d += 'Z'
    else if (command.type === 'Q') d += `Q${point(command.x1, command.y1)} ${point(command.x, command.y)}`
    else if (command.type === 'C') d += `C${point(command.x1, command.y1)} ${point(command.x2, command.y2)} ${point(command.x, command.y)}`
    else d += `${command.type}${point(command.x, command.y)}`
  }
  // A glyph opentype.js cannot outline (a script the font lacks, shaped
  // through its lookups) is left out rather than drawn broken; a book in
  // such a script should give its own cover.png.
  if (!d || d.includes('NaN')) return undefined
  return { d, box }
}

/**
 * Lay a line out glyph by glyph: advance widths plus pair kerning. (opentype.js's
 * own `getPath` for a whole string can yield NaN coordinates with this font's
 * GPOS data; drawing each glyph at the origin and moving it never does.)
 * Measuring a line (fitting the title) needs only the advances, not the outlines.
 */
function layout(line: string, family: FontFamily, size: number, draw: boolean): { width: number; glyphs: Array<{ x: number; outline: Outline }> } {
  const glyphs = glyphsOf(line, family)
  const placed: Array<{ x: number; outline: Outline }> = []
  let x = 0
  glyphs.forEach(({ font, glyph }, index) => {
    const scale = size / font.unitsPerEm
    const drawn = draw ? outline(glyph, size) : undefined
    if (drawn) placed.push({ x, outline: drawn })
    const next = glyphs[index + 1]
    // Kerning pairs are within one font; across a change of subset there is none.
    const kerning = next && next.font === font ? font.getKerningValue(glyph, next.glyph) : 0
    x += ((glyph.advanceWidth ?? 0) + (Number.isFinite(kerning) ? kerning : 0)) * scale
  })
  return { width: x, glyphs: placed }
}

const shaped = new WeakMap<FontFamily, Map<string, Array<{ font: Font; glyph: Glyph }>>>()

/**
 * A line's glyphs, shaped once per family: fitting a title measures the same
 * words at each size it tries, and a line set is measured, then drawn. Each
 * run of characters is shaped in the first subset of the family that has
 * them (Latin, Cyrillic, Greek …), so a title mixing scripts is drawn whole.
 */
function glyphsOf(line: string, family: FontFamily): Array<{ font: Font; glyph: Glyph }> {
  let lines = shaped.get(family)
  if (!lines) shaped.set(family, (lines = new Map()))
  let glyphs = lines.get(line)
  if (!glyphs) {
    glyphs = []
    let run = ''
    let runFont: Font | undefined
    const flush = (): void => {
      if (run && runFont) for (const glyph of runFont.stringToGlyphs(run)) glyphs!.push({ font: runFont, glyph })
      run = ''
    }
    for (const character of line) {
      // A space or a mark goes with the run it is in: every subset has the space.
      const font = character.trim() === '' && runFont ? runFont : fontOf(character, family)
      if (font !== runFont) {
        flush()
        runFont = font
      }
      run += character
    }
    flush()
    lines.set(line, glyphs)
  }
  return glyphs
}

function measure(line: string, family: FontFamily, size: number): number {
  return layout(line, family, size, false).width
}

/** A line centred on the page at this baseline, with the box its ink covers (in whole pixels, one to spare for anti-aliasing). */
function centred(line: string, family: FontFamily, size: number, baseline: number): SetLine {
  const natural = measure(line, family, size)
  const usable = COVER_WIDTH - 2 * MARGIN
  // A single word longer than the line: scale it down rather than overflow.
  const scale = natural > usable ? usable / natural : 1
  const x = (COVER_WIDTH - natural * scale) / 2
  const originX = Number(round(x))
  const originY = Number(round(baseline))
  const scaleText = round(scale)
  const factor = Number(scaleText)
  const parts: string[] = []
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity }
  for (const { x: offset, outline: glyph } of layout(line, family, size, true).glyphs) {
    const shift = Number(round(offset))
    parts.push(offset === 0 ? `<path d="${glyph.d}"/>` : `<g transform="translate(${shift} 0)"><path d="${glyph.d}"/></g>`)
    box.left = Math.min(box.left, originX + (shift + glyph.box.left) * factor)
    box.right = Math.max(box.right, originX + (shift + glyph.box.right) * factor)
    box.top = Math.min(box.top, originY + glyph.box.top * factor)
    box.bottom = Math.max(box.bottom, originY + glyph.box.bottom * factor)
  }
  const transform = scale === 1 ? `translate(${round(x)} ${round(baseline)})` : `translate(${round(x)} ${round(baseline)}) scale(${scaleText})`
  const inked = parts.length > 0
  return {
    svg: `<g transform="${transform}">${parts.join('')}</g>`,
    box: inked
      ? { left: Math.floor(box.left) - 1, top: Math.floor(box.top) - 1, right: Math.ceil(box.right) + 1, bottom: Math.ceil(box.bottom) + 1 }
      : { left: 0, top: 0, right: 0, bottom: 0 },
  }
}
