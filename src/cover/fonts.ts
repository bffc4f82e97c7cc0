import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse, type Font } from 'opentype.js/dist/opentype.min.mjs'
import { packageRoot } from '../root.ts'
import { woffToSfnt } from './woff.ts'

/**
 * The cover's typeface: EB Garamond from the `@fontsource/eb-garamond` npm
 * package (SIL Open Font License), read from node_modules, never from the
 * system, so every machine draws the same cover. Each weight comes in a
 * Latin and a Latin Extended subset; text is set in whichever covers it.
 */
export interface CoverFonts {
  regular: FontFamily
  semibold: FontFamily
}

/** The subsets of one weight, in order of preference, each parsed on first use (parsing is most of a small cover's cost). */
export type FontFamily = ReadonlyArray<() => Font>

const resolve = createRequire(join(packageRoot, 'package.json')).resolve

function load(subset: string, weight: number): Font {
  const path = resolve(`@fontsource/eb-garamond/files/eb-garamond-${subset}-${weight}-normal.woff`)
  const sfnt = woffToSfnt(readFileSync(path))
  // lowMemory: glyphs are read when first asked for, not all at once.
  return parse(sfnt.buffer as ArrayBuffer, { lowMemory: true })
}

let cached: CoverFonts | undefined

/** Read once per process: the files never change while it runs. */
export function coverFonts(): CoverFonts {
  cached ??= {
    regular: [once(() => load('latin', 400)), once(() => load('latin-ext', 400))],
    semibold: [once(() => load('latin', 600)), once(() => load('latin-ext', 600))],
  }
  return cached
}

function once(make: () => Font): () => Font {
  let font: Font | undefined
  return () => (font ??= make())
}

/** The first font of a family that has a glyph for every character of `text`. */
export function fontFor(text: string, family: FontFamily): Font {
  const chars = [...text].filter((char) => char.trim() !== '')
  for (const font of family) if (chars.every((char) => font().charToGlyphIndex(char) > 0)) return font()
  return (family[0] as () => Font)()
}
