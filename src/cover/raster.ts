import { encodeIndexedPngRuns, type ScanlineRun } from './encode-png.ts'
import { COVER_COLOURS, COVER_HEIGHT, COVER_WIDTH, coverSvg, type Box, type CoverLayout, type SetLine } from './layout.ts'
import { resvgOptions, svgToPng } from './png.ts'
import { resvg } from './resvg.ts'

/** Palette index of the rule (255); the paper is 0, and ink over paper at 254 strengths lies between. */
const RULE = 255
const INK_LEVELS = 254
/** Lines closer than this share one band (one resvg render). */
const BAND_GAP = 24

/**
 * The cover as a PNG. Most of a cover is flat paper, so only the bands
 * that hold lettering go through resvg, drawn as coverage on a transparent
 * page; the paper, frame and rule are whole pixels set here, and the PNG
 * is written with a 256-colour palette (paper, rule, and ink at 254
 * strengths over paper). The picture is the one resvg draws from
 * `coverSvg(layout)`: a few edge pixels in a million differ by more than a
 * level, where a band's origin moves an outline's fractions (the cover test
 * compares them). A layout where lettering touches the frame or the rule
 * (a very long title) is drawn whole from its SVG instead.
 */
export function rasterCover(layout: CoverLayout): Uint8Array {
  const bands = inkBands(layout)
  if (!bands) return svgToPng(coverSvg(layout))
  const stride = COVER_WIDTH + 1
  const level = new Uint8Array(256)
  for (let alpha = 1; alpha < 256; alpha++) level[alpha] = Math.round((alpha * INK_LEVELS) / 255)
  // Rows outside the bands repeat one of a few scanlines (above the frame, its top and bottom edge,
  // inside it, across the rule): each run of them is one scanline and a count.
  const runs: ScanlineRun[] = []
  let y = 0
  const flatUntil = (until: number): void => {
    while (y < until) {
      const kind = rowKind(layout, y)
      let end = y + 1
      while (end < until && rowKind(layout, end) === kind) end++
      const row = new Uint8Array(stride)
      drawRow(layout, y, row)
      runs.push({ scanlines: row, times: end - y })
      y = end
    }
  }
  for (const band of bands) {
    const { box } = band
    flatUntil(box.top)
    const width = box.right - box.left
    const height = box.bottom - box.top
    const svg = [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box.left} ${box.top} ${width} ${height}">`,
      '<g fill="#fff">',
      ...band.lines.map((line) => line.svg),
      '</g></svg>',
    ].join('\n')
    const pixels = resvg(svg, resvgOptions).render().pixels
    const scanlines = new Uint8Array(stride * height)
    for (let row = 0; row < height; row++) drawRow(layout, box.top + row, scanlines.subarray(row * stride, (row + 1) * stride))
    inkLevels(pixels, width, height, scanlines, stride, 1 + box.left, level)
    runs.push({ scanlines, times: 1 })
    y = box.bottom
  }
  flatUntil(COVER_HEIGHT)
  return encodeIndexedPngRuns(COVER_WIDTH, COVER_HEIGHT, palette(), runs)
}

/**
 * Each pixel's coverage (its alpha) as an ink level, into the scanlines at
 * `offset` in each row; uncovered pixels keep what the row has (paper). One
 * small function, so it is optimised early: this loop over every pixel of the
 * bands was most of the raster's own time while the cover thread's code was
 * still cold.
 */
function inkLevels(pixels: Uint8Array, width: number, height: number, scanlines: Uint8Array, stride: number, offset: number, level: Uint8Array): void {
  let from = 3
  for (let row = 0; row < height; row++) {
    let to = row * stride + offset
    for (let x = 0; x < width; x++, from += 4, to++) {
      const alpha = pixels[from] as number
      if (alpha !== 0) scanlines[to] = level[alpha] as number
    }
  }
}

/** Which of the repeated scanlines row `y` is: above or below the frame, its edge, inside it, inside it across the rule. */
function rowKind(layout: CoverLayout, y: number): number {
  const { frame, frameWidth: side, rule } = layout
  if (y < frame.top || y >= frame.bottom) return 0
  if (y < frame.top + side || y >= frame.bottom - side) return 1
  return y >= rule.top && y < rule.bottom ? 3 : 2
}

/** Row `y` without lettering into `line` (a zeroed scanline: filter 0, paper): the frame and the rule where they cross it. */
function drawRow(layout: CoverLayout, y: number, line: Uint8Array): void {
  const { frame, frameWidth: side, rule } = layout
  const set = (from: number, to: number): void => {
    for (let x = from; x < to; x++) line[1 + x] = RULE
  }
  const kind = rowKind(layout, y)
  if (kind === 1) set(frame.left, frame.right)
  if (kind >= 2) {
    set(frame.left, frame.left + side)
    set(frame.right - side, frame.right)
  }
  if (kind === 3) set(rule.left, rule.right)
}

interface Band {
  box: Box
  lines: SetLine[]
}

/**
 * The lines grouped into bands of lettering, top to bottom; undefined when
 * some ink would fall on the frame or the rule, whose colours the palette
 * has no blends with.
 */
function inkBands(layout: CoverLayout): Band[] | undefined {
  const inner = layout.frame.left + layout.frameWidth
  const inked = layout.lines.filter((line) => line.box.right > line.box.left).sort((a, b) => a.box.top - b.box.top)
  const bands: Band[] = []
  for (const line of inked) {
    const { box } = line
    if (box.left < inner || box.top < inner || box.right > COVER_WIDTH - inner || box.bottom > COVER_HEIGHT - inner || overlaps(box, layout.rule)) return undefined
    const last = bands.at(-1)
    if (last && box.top <= last.box.bottom + BAND_GAP) {
      last.lines.push(line)
      last.box = { left: Math.min(last.box.left, box.left), top: last.box.top, right: Math.max(last.box.right, box.right), bottom: Math.max(last.box.bottom, box.bottom) }
    } else {
      bands.push({ box, lines: [line] })
    }
  }
  return bands
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/** Paper, then ink over paper at each strength, then the rule: 256 RGB triples. */
function palette(): Uint8Array {
  const bytes = new Uint8Array(256 * 3)
  const channels = (colour: number): number[] => [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff]
  const paper = channels(COVER_COLOURS.paper)
  const ink = channels(COVER_COLOURS.ink)
  for (let level = 0; level <= INK_LEVELS; level++) {
    for (let channel = 0; channel < 3; channel++) {
      const from = paper[channel] as number
      bytes[level * 3 + channel] = Math.round(from + (((ink[channel] as number) - from) * level) / INK_LEVELS)
    }
  }
  bytes.set(channels(COVER_COLOURS.rule), RULE * 3)
  return bytes
}
