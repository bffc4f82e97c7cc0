import { franc } from 'franc-min'

/**
 * franc-min's ISO 639-3 codes as BCP 47 tags: the two-letter ISO 639-1 code
 * where the language has one (BCP 47 requires it then), else the 639-3
 * code, which is itself a registered language subtag.
 */
const TWO_LETTER: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr',
  pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', yor: 'yo',
  uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', nya: 'ny',
  kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk',
  arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne',
  // Gutenberg's languages beyond franc-min's, for `Language:` lines.
  fin: 'fi', dan: 'da', nor: 'no', lat: 'la', ell: 'el', epo: 'eo', cat: 'ca', zho: 'zh', jpn: 'ja', heb: 'he',
  isl: 'is', gle: 'ga', cym: 'cy', afr: 'af', est: 'et', lit: 'lt', lav: 'lv', slk: 'sk', slv: 'sl', kor: 'ko',
}

/** A franc code as a BCP 47 tag, or undefined for `und`. */
export function tagOfIso6393(code: string): string | undefined {
  if (code === 'und') return undefined
  return TWO_LETTER[code] ?? code
}

/**
 * The language a text is written in, as a BCP 47 tag, when franc can tell
 * (it needs a sentence or two). A sample of the text is enough and keeps a
 * novel's detection fast.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.length > 20000 ? text.slice(0, 10000) + text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 10000) : text
  // Under a few sentences franc's guess is noise ("Disclaimer: not mine." reads as German).
  return tagOfIso6393(franc(sample, { minLength: 120 }))
}

/** English language names (`English`, `French`) to tags, from the table above and the runtime's own names. */
let byName: Map<string, string> | undefined

/** A language as a Gutenberg header names it (`English`, `French`), or a tag as typed (`en`, `pt-BR`), as a tag. */
export function tagOfLanguageName(name: string): string | undefined {
  const given = name.trim()
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(given)) {
    try {
      return Intl.getCanonicalLocales(given)[0]
    } catch {
      return undefined
    }
  }
  if (!byName) {
    const names = new Intl.DisplayNames(['en'], { type: 'language' })
    byName = new Map()
    for (const tag of Object.values(TWO_LETTER)) {
      const shown = names.of(tag)
      if (shown) byName.set(shown.toLowerCase(), tag)
    }
  }
  // "English" and "English, French": the first language is the book's.
  const first = given.split(/[,;&]| and /)[0]?.trim().toLowerCase() ?? ''
  return byName.get(first)
}
