/**
 * What a file is by its first bytes, as the media type an EPUB manifest
 * gives it: the core media types of EPUB 3 for images and fonts. Both the
 * load stage (a font or image a template names) and the verify stage (each
 * manifest item against its bytes) ask; a name never decides.
 */
export const FONT_TYPES = ['font/woff2', 'font/woff', 'font/otf', 'font/ttf'] as const
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/svg+xml'] as const

/**
 * An SVG file begins, after an optional XML declaration, processing
 * instructions, comments and doctype (an internal subset too, as older
 * Illustrator exports have: the SVG checker then says what is wrong with
 * it), with `<svg`.
 */
export const SVG_START = /^\uFEFF?\s*(?:(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/

const starts = (data: Uint8Array, bytes: number[]): boolean => bytes.every((byte, index) => data[index] === byte)
const ascii = (data: Uint8Array, text: string): boolean => starts(data, [...text].map((char) => char.charCodeAt(0)))

/** The font or image media type of `data`, `image/webp` included (EPUB 3.3 only); undefined for anything else. */
export function binaryMediaType(data: Uint8Array): string | undefined {
  if (ascii(data, 'wOF2')) return 'font/woff2'
  if (ascii(data, 'wOFF')) return 'font/woff'
  if (ascii(data, 'OTTO')) return 'font/otf'
  if (starts(data, [0, 1, 0, 0]) || ascii(data, 'true')) return 'font/ttf'
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (ascii(data, 'GIF87a') || ascii(data, 'GIF89a')) return 'image/gif'
  if (ascii(data, 'RIFF') && data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return 'image/webp'
  if (SVG_START.test(new TextDecoder().decode(data.subarray(0, 4096)))) return 'image/svg+xml'
  return undefined
}
