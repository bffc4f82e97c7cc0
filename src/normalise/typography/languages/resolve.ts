import type { LanguageProfile, Pair } from './profile.ts'
import { PROFILES } from './table.ts'

/**
 * CLDR's quotation delimiters (characters/delimiters in cldr-misc) for
 * languages without a row in `table.ts`: they get these marks and nothing
 * else (the neutral set: no spaces, no dash rules). Absent: “ ” and ‘ ’.
 */
const CLDR_QUOTES: Readonly<Record<string, readonly [Pair, Pair]>> = {
  bg: [['„', '“'], ['„', '“']], da: [['“', '”'], ['‘', '’']], el: [['«', '»'], ['“', '”']],
  et: [['„', '“'], ['‚', '‘']], fi: [['”', '”'], ['’', '’']], he: [['”', '”'], ['’', '’']],
  hr: [['„', '“'], ['‚', '‘']], hu: [['„', '”'], ['»', '«']], lt: [['„', '“'], ['„', '“']],
  lv: [['“', '”'], ['„', '“']], nb: [['«', '»'], ['‘', '’']], nn: [['«', '»'], ['‘', '’']],
  no: [['«', '»'], ['‘', '’']], ro: [['„', '”'], ['«', '»']], sk: [['„', '“'], ['‚', '‘']],
  sl: [['„', '“'], ['‚', '‘']], sr: [['„', '“'], ['‘', '’']], tr: [['“', '”'], ['‘', '’']],
  uk: [['«', '»'], ['„', '“']], be: [['«', '»'], ['„', '“']], ko: [['“', '”'], ['‘', '’']],
  ca: [['«', '»'], ['“', '”']], eu: [['«', '»'], ['‹', '›']], gl: [['“', '”'], ['‘', '’']],
  is: [['„', '“'], ['‚', '‘']], id: [['“', '”'], ['‘', '’']], vi: [['“', '”'], ['‘', '’']],
}

export interface ResolvedLanguage {
  profile: LanguageProfile
  /** False when the language has no rules of its own and gets the neutral set. */
  known: boolean
}

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo'])
const SWISS_REGIONS = new Set(['ch', 'li'])

/** The row for a BCP 47 tag: region and script first (`fr-CH`, `zh-Hant`, `pt-PT`), then the language. */
export function resolveLanguage(tag: string): ResolvedLanguage {
  const subtags = tag.toLowerCase().split(/[-_]/)
  const language = subtags[0] ?? ''
  const rest = new Set(subtags.slice(1))
  const region = subtags.slice(1).find((subtag) => subtag.length === 2 || /^\d{3}$/.test(subtag)) ?? ''
  const pick = (key: string): ResolvedLanguage => ({ profile: PROFILES[key]!, known: true })
  switch (language) {
    case 'en':
      return pick('en')
    case 'fr':
      return pick(SWISS_REGIONS.has(region) ? 'fr-CH' : 'fr')
    case 'de':
    case 'gsw':
      return pick(SWISS_REGIONS.has(region) || language === 'gsw' ? 'de-CH' : 'de')
    case 'pt':
      // CLDR's `pt` is Brazilian; Portugal and the other countries write the European way.
      return pick(region === '' || region === 'br' ? 'pt-BR' : 'pt-PT')
    case 'zh':
    case 'yue':
      if (rest.has('hant') || (!rest.has('hans') && TRADITIONAL_REGIONS.has(region)) || (language === 'yue' && !rest.has('hans'))) return pick('zh-Hant')
      return pick('zh')
    default:
      if (PROFILES[language]) return pick(language)
  }
  const [primary, secondary] = CLDR_QUOTES[language] ?? [['“', '”'], ['‘', '’']]
  const typed = [...new Set([primary.join(''), secondary.join(''), '“”', '‘’'])]
  return { profile: { tag: tag || 'und', quotes: { primary, secondary }, typed, dash: { glyph: '—', before: ' ', after: ' ' }, dialogueDashes: false }, known: false }
}

/** The message a book in a language without rules gets (once per book). */
export function neutralWarning(tag: string): string {
  return `Unexpected language \`${tag}\` for typography, expected one colophon has rules for (${Object.keys(PROFILES).join(', ')}); set with the neutral rules: curly quotes by CLDR, no spacing or dash rules`
}
