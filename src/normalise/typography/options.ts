export interface TypographyOptions {
  /** `feff`: write U+FEFF instead of U+2060, for old readers that lack U+2060. */
  wordJoiner?: 'u2060' | 'feff'
}

/** Options after validation, every field present. */
export interface ResolvedOptions {
  readonly wordJoiner: 'u2060' | 'feff'
}

const KNOWN = new Set(['wordJoiner'])

/** Check options before any text is touched; throw a clear Error otherwise. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined || options === null) return { wordJoiner: 'u2060' }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Unexpected typography options \`${String(options)}\`, expected an object`)
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new Error(`Unexpected typography option \`${key}\`, expected \`wordJoiner\``)
  }
  const wordJoiner = (options as { wordJoiner?: unknown }).wordJoiner ?? 'u2060'
  if (wordJoiner !== 'u2060' && wordJoiner !== 'feff') {
    throw new Error(`Unexpected \`wordJoiner\` \`${String(wordJoiner)}\`, expected \`u2060\` or \`feff\``)
  }
  return { wordJoiner }
}
