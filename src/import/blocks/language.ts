import { franc } from 'franc-min'
import type { VFile } from 'vfile'

/** franc's ISO 639-3 codes to the two-letter tags BCP 47 prefers, for the languages franc-min knows that books are most written in. */
const TWO_LETTER: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', pol: 'pl', swe: 'sv',
  ukr: 'uk', ces: 'cs', tur: 'tr', jpn: 'ja', cmn: 'zh', kor: 'ko', arb: 'ar', hin: 'hi', ind: 'id', vie: 'vi',
  ron: 'ro', hun: 'hu', ell: 'el', fin: 'fi', dan: 'da', nob: 'nb', heb: 'he', cat: 'ca', hrv: 'hr', srp: 'sr',
}

/**
 * The language of a text whose source does not name one, by franc-min's
 * trigrams, with a message saying it was guessed; English when the text is
 * too short or franc cannot tell, with a message saying that too.
 */
export function detectLanguage(file: VFile, text: string, where: string): string {
  const code = franc(text.slice(0, 20_000), { minLength: 40 })
  const tag = TWO_LETTER[code]
  if (tag) {
    file.info(`language detected: ${tag} (${where} names none)`, { ruleId: 'import-language', source: 'colophon-import' })
    return tag
  }
  file.info(`language not stated and not recognised (${where}), assumed: en; set \`language\` in book.yaml`, { ruleId: 'import-language', source: 'colophon-import' })
  return 'en'
}
