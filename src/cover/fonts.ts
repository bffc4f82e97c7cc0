import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse, type Font } from 'opentype.js/dist/opentype.min.mjs'
import { packageRoot } from '../root.ts'
import { woffToSfnt } from './woff.ts'

/**
 * The cover's typeface: EB Garamond from the `@fontsource/eb-garamond` npm
 * package (SIL Open Font License), read from node_modules, never from the
 * system, so every machine draws the same cover. Each weight comes in
 * subsets (Latin, Latin Extended, Cyrillic, Greek, Vietnamese …); each run
 * of a line is set in the first that has its letters, so a Russian or Greek
 * title is drawn whole. A letter none has is refused before drawing
 * (`coverage.ts`), never dropped.
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

/** The subsets of EB Garamond that @fontsource ships, in order of preference (Latin first: most covers are Latin). */
export const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const

let cached: CoverFonts | undefined

/** Read once per process: the files never change while it runs. */
export function coverFonts(): CoverFonts {
  cached ??= { regular: SUBSETS.map((subset) => once(() => load(subset, 400))), semibold: SUBSETS.map((subset) => once(() => load(subset, 600))) }
  return cached
}

function once(make: () => Font): () => Font {
  let font: Font | undefined
  return () => (font ??= make())
}

/** The first font of a family that has a glyph for `character` (the first, when none has: `coverage.ts` refuses those before). */
export function fontOf(character: string, family: FontFamily): Font {
  for (const font of family) if (font().charToGlyphIndex(character) > 0) return font()
  return (family[0] as () => Font)()
}
