import type { PreflightRule } from './types.ts'

/**
 * Languages Kindle books may be in (Kindle Direct Publishing's list of
 * supported eBook languages), as BCP 47 primary subtags.
 */
export const KINDLE_LANGUAGES: ReadonlySet<string> = new Set([
  'af', 'ar', 'br', 'ca', 'co', 'cy', 'da', 'de', 'en', 'es', 'eu', 'fi', 'fr', 'frr', 'frs', 'fy', 'ga', 'gd', 'gl', 'gsw', 'gu',
  'gv', 'hi', 'is', 'it', 'ja', 'kw', 'lb', 'ml', 'mr', 'nb', 'nl', 'nn', 'no', 'oc', 'pro', 'pt', 'rm', 'sco', 'sv', 'ta', 'zh',
])

export const supportedLanguage: PreflightRule = {
  id: 'supported-language',
  summary: 'the book’s `dc:language` is one Kindle supports (KDP’s list of eBook languages): others are rejected by the service',
  check({ publication, pkg }) {
    const primary = pkg.language.split('-')[0]?.toLowerCase() ?? ''
    if (KINDLE_LANGUAGES.has(primary)) return []
    return [
      {
        path: publication.opfPath,
        reason: `Unexpected language \`${pkg.language || '(none)'}\`, expected one Kindle supports: ${[...KINDLE_LANGUAGES].join(', ')}`,
      },
    ]
  },
}
