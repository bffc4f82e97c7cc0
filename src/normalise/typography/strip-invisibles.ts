/**
 * Remove what typography adds but plain-text places cannot show (`<title>`,
 * nav labels, OPF metadata): word joiners of both kinds and hair spaces go,
 * a no-break space (and French's narrow one, U+202F) becomes a space.
 */
export function stripInvisibles(text: string): string {
  return text.replace(/[\u2060\uFEFF\u200A]/g, '').replace(/[\u00A0\u202F]/g, ' ')
}
