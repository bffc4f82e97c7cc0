/**
 * Make XML- and EPUB-safe names: ASCII letters, digits and hyphens, starting
 * with a letter, unique within one `Slugger`.
 */
export function slugify(name: string): string {
  const ascii = asciiWords(name)
  return /^[a-z]/.test(ascii) ? ascii : `s-${ascii || 'x'}`
}

/** A name's words in lower-case ASCII letters and digits, joined by hyphens (accents dropped: `Café noir` → `cafe-noir`). */
export function asciiWords(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export class Slugger {
  readonly #taken = new Set<string>()

  slug(name: string): string {
    const base = slugify(name)
    let candidate = base
    for (let n = 2; this.#taken.has(candidate); n++) candidate = `${base}-${n}`
    this.#taken.add(candidate)
    return candidate
  }
}
