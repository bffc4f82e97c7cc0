import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import opentype, { type Font } from 'opentype.js'
import { packageRoot } from '../root.ts'

/**
 * The cover's typeface: EB Garamond from the `@fontsource/eb-garamond` npm
 * package (SIL Open Font License), read from node_modules, never from the
 * system, so every machine draws the same cover. Each weight comes in a
 * Latin and a Latin Extended subset; text is set in whichever covers it.
 */
export interface CoverFonts {
  regular: Font[]
  semibold: Font[]
}

const resolve = createRequire(join(packageRoot, 'package.json')).resolve

function load(subset: string, weight: number): Font {
  const path = resolve(`@fontsource/eb-garamond/files/eb-garamond-${subset}-${weight}-normal.woff`)
  const bytes = readFileSync(path)
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
}

let cached: CoverFonts | undefined

/** Read once per process: the files never change while it runs. */
export function coverFonts(): CoverFonts {
  cached ??= {
    regular: [load('latin', 400), load('latin-ext', 400)],
    semibold: [load('latin', 600), load('latin-ext', 600)],
  }
  return cached
}

/** The first font of a family that has a glyph for every character of `text`. */
export function fontFor(text: string, family: Font[]): Font {
  const chars = [...text].filter((char) => char.trim() !== '')
  return family.find((font) => chars.every((char) => font.charToGlyphIndex(char) > 0)) ?? (family[0] as Font)
}
