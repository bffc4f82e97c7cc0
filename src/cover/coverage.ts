import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { packageRoot } from '../root.ts'
import type { CoverText } from './layout.ts'

/**
 * Which characters the bundled cover font draws, read from the unicode
 * ranges @fontsource gives its subsets (the CSS next to the fonts): known
 * without parsing a font, so a build can refuse a title it cannot draw
 * before anything is drawn.
 */
let ranges: Array<[number, number]> | undefined

function coverRanges(): Array<[number, number]> {
  if (ranges) return ranges
  const css = readFileSync(createRequire(join(packageRoot, 'package.json')).resolve('@fontsource/eb-garamond/600.css'), 'utf8')
  ranges = []
  for (const [, list] of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
    for (const part of list!.split(',')) {
      const [low, high] = part.trim().replace(/^U\+/i, '').split('-')
      ranges.push([parseInt(low!, 16), parseInt(high ?? low!, 16)])
    }
  }
  return ranges
}

/** The characters of a cover's text that its font lacks (each once, in order). */
export function undrawable(text: CoverText): string[] {
  return undrawableIn([text.title, text.subtitle ?? '', text.authors, text.series ?? ''].join(''))
}

/** A letter, digit or mark: what a cover must never leave out (an emoji or a symbol it may, with a warning). */
export const isLetter = (character: string): boolean => /[\p{L}\p{N}]|(?![\uFE00-\uFE0F])\p{M}/u.test(character)

/**
 * What the font's Latin subsets draw whole (@fontsource's latin, U+0000–00FF
 * and U+2000–206F, and latin-ext, U+0100–02BA): a text of these alone, as
 * most titles are, is drawn without reading the ranges, which cost a package
 * lookup and a file read, some 10 ms of every build (test/cover-scripts.test.ts
 * holds this to the fonts' CSS).
 */
export const LATIN_DRAWN = /^[\u0000-\u02BA\u2000-\u206F]*$/

/** The characters of `all` that the cover's font lacks (each once, in order). */
export function undrawableIn(all: string): string[] {
  if (LATIN_DRAWN.test(all)) return []
  const covered = coverRanges()
  const missing = new Set<string>()
  for (const character of all) {
    if (character.trim() === '') continue
    const code = character.codePointAt(0)!
    if (!covered.some(([low, high]) => code >= low && code <= high)) missing.add(character)
  }
  return [...missing]
}
