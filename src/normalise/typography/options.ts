import type { LanguageProfile } from './languages/profile.ts'
import { resolveLanguage } from './languages/resolve.ts'

export interface TypographyOptions {
  /** `feff`: write U+FEFF instead of U+2060, for old readers that lack U+2060. */
  wordJoiner?: 'u2060' | 'feff'
  /** The text's language, a BCP 47 tag (`fr-CH`, `pt-BR`): it picks the rules. English when absent. */
  language?: string
  /** Whether a paragraph opened by a dash is dialogue; absent: the language's default. */
  dialogueDashes?: boolean
  /** `regular`: U+00A0 where the language asks for a narrow no-break space (U+202F), for fonts that lack it. */
  nbsp?: 'narrow' | 'regular'
  /** `guillemets`: » « in a language that also sets them (German), instead of its first marks. */
  quotes?: 'default' | 'guillemets'
}

/** What one block's rules may carry to the next block of the same text (a Spanish quotation running on). */
export interface Carry {
  quoteOpen: boolean
}

/** Options after validation, every field present. */
export interface ResolvedOptions {
  readonly wordJoiner: 'u2060' | 'feff'
  readonly language: string
  readonly profile: LanguageProfile
  readonly dialogueDashes: boolean
  readonly nbsp: 'narrow' | 'regular'
  /** Fresh for each text: see `Carry`. */
  readonly carry: Carry
}

const KNOWN = new Set(['wordJoiner', 'language', 'dialogueDashes', 'nbsp', 'quotes'])

/** Check options before any text is touched; throw a clear Error otherwise. */
export function resolveOptions(given: unknown): ResolvedOptions {
  const options = given ?? {}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Unexpected typography options \`${String(options)}\`, expected an object`)
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new Error(`Unexpected typography option \`${key}\`, expected \`wordJoiner\`, \`language\`, \`dialogueDashes\`, \`nbsp\` or \`quotes\``)
  }
  const fields = options as { wordJoiner?: unknown; language?: unknown; dialogueDashes?: unknown; nbsp?: unknown; quotes?: unknown }
  const wordJoiner = fields.wordJoiner ?? 'u2060'
  if (wordJoiner !== 'u2060' && wordJoiner !== 'feff') {
    throw new Error(`Unexpected \`wordJoiner\` \`${String(wordJoiner)}\`, expected \`u2060\` or \`feff\``)
  }
  const language = fields.language ?? 'en'
  if (typeof language !== 'string' || language === '') throw new Error(`Unexpected \`language\` \`${String(language)}\`, expected a BCP 47 tag such as en or fr-CH`)
  if (fields.dialogueDashes !== undefined && typeof fields.dialogueDashes !== 'boolean') {
    throw new Error(`Unexpected \`dialogueDashes\` \`${String(fields.dialogueDashes)}\`, expected true or false`)
  }
  const nbsp = fields.nbsp ?? 'narrow'
  if (nbsp !== 'narrow' && nbsp !== 'regular') throw new Error(`Unexpected \`nbsp\` \`${String(nbsp)}\`, expected \`narrow\` or \`regular\``)
  const quotes = fields.quotes ?? 'default'
  if (quotes !== 'default' && quotes !== 'guillemets') throw new Error(`Unexpected \`quotes\` \`${String(quotes)}\`, expected \`default\` or \`guillemets\``)
  const { profile: base } = resolveLanguage(language)
  const profile = quotes === 'guillemets' && base.guillemets ? { ...base, quotes: base.guillemets } : base
  return { wordJoiner, language, profile, dialogueDashes: fields.dialogueDashes ?? profile.dialogueDashes, nbsp, carry: { quoteOpen: false } }
}

/** The same options for another language (a passage with its own `lang`). */
export function forLanguage(options: ResolvedOptions, language: string): ResolvedOptions {
  const { profile } = resolveLanguage(language)
  return { ...options, language, profile, dialogueDashes: profile.dialogueDashes, carry: { quoteOpen: false } }
}
