// The part of opentype.js 2 that colophon uses (the package ships no types). Its
// minified ES module: a third the size of the UMD build Node's resolution picks,
// it loads in some 15 ms less on the cover thread, whose start a small book waits for.
declare module 'opentype.js/dist/opentype.min.mjs' {
  /** One drawing command, in the path's own coordinates (y down). */
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' }
  export interface Path {
    commands: PathCommand[]
    toPathData(decimalPlaces?: number): string
    getBoundingBox(): { x1: number; y1: number; x2: number; y2: number }
  }
  export interface Glyph {
    index: number
    name?: string
    advanceWidth?: number
    getPath(x: number, y: number, fontSize: number): Path
  }
  export interface Font {
    stringToGlyphs(text: string): Glyph[]
    getKerningValue(left: Glyph, right: Glyph): number
    unitsPerEm: number
    numGlyphs: number
    glyphs: { get(index: number): Glyph }
    ascender: number
    descender: number
    charToGlyphIndex(char: string): number
    getAdvanceWidth(text: string, fontSize: number, options?: { kerning?: boolean }): number
    getPath(text: string, x: number, y: number, fontSize: number, options?: { kerning?: boolean }): Path
  }
  /** `lowMemory`: read each glyph when first asked for. */
  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font
}
