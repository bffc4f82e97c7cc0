/**
 * Make XML- and EPUB-safe names: ASCII letters, digits and hyphens, starting
 * with a letter, unique within one `Slugger`.
 */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return /^[a-z]/.test(ascii) ? ascii : `s-${ascii || 'x'}`
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
