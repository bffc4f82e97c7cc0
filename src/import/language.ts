import { franc } from 'franc-min'
import type { VFile } from 'vfile'
import type { Point } from 'unist'

/**
 * The one place every reader finds a book's language: from the text (franc-min)
 * when the source states none, and from a name as a source prints it
 * (Gutenberg's `Language: English`, AO3's `Français`, a pandoc `lang: fr`).
 */

/**
 * franc's ISO 639-3 code as a BCP 47 tag: the runtime's canonicalisation
 * (CLDR's aliases) gives the two-letter code where there is one (`fra` → `fr`,
 * `cmn` → `zh`, `swh` → `sw`), as BCP 47 requires; else the 639-3 code, itself
 * a registered subtag. `zlm` (Malay) has no alias there.
 */
export function tagOfIso6393(code: string): string | undefined {
  if (code === 'und') return undefined
  if (code === 'zlm') return 'ms'
  try {
    return Intl.getCanonicalLocales(code)[0]
  } catch {
    return undefined
  }
}

/**
 * The language a text is written in, as a BCP 47 tag, when franc can tell.
 * Under a few sentences franc's guess is noise ("Disclaimer: not mine." reads
 * as German), hence 120 characters, unless the script alone tells (see
 * `ownScript`); a sample of a long text is enough and keeps a novel's
 * detection fast.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.length > 20000 ? text.slice(0, 10000) + text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 10000) : text
  return tagOfIso6393(franc(sample, { minLength: ownScript(sample) ? 10 : 120 }))
}

/**
 * Letters of scripts that each name one language among franc-min's (Han
 * without kana is Chinese, kana Japanese, Hangul Korean, Thai, Greek):
 * franc tells these by the script, so a line of them is as sure as a page.
 * Cyrillic and Arabic are not here: their languages (Russian, Ukrainian …;
 * Arabic, Persian, Urdu) need the longer sample.
 */
const OWN_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Greek}]/gu
const LETTER = /\p{L}/gu

/** Whether most of a text's letters are of a script that names its language. */
function ownScript(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0
  return letters > 0 && (text.match(OWN_SCRIPT)?.length ?? 0) * 2 > letters
}

/**
 * The language of a book whose source (`where`: "the page", "the OPF" …)
 * states none: detected from its text, with a message saying so; English
 * when the text is too short to tell, with a message saying that too, so the
 * writer knows to set `language:`.
 */
export function languageOf(file: VFile, text: string, where: string, place?: Point): string {
  const tag = detectLanguage(text)
  const options = { place, ruleId: 'import-language', source: 'colophon-import' }
  if (tag) {
    file.info(`language detected: ${tag} (${where} names none)`, options)
    return tag
  }
  file.info(`language not stated (${where} names none) and not detected (too little text): \`en\` until you set \`language:\` in book.yaml`, options)
  return 'en'
}

/** The few language names the archives spell their own way (AO3's Chinese, Portuguese and Malay), to tags. */
const SPECIAL: Record<string, string> = {
  '中文-普通话 國語': 'zh',
  '中文-广东话 粵語': 'yue',
  'português brasileiro': 'pt-BR',
  'português europeu': 'pt-PT',
  'bahasa indonesia': 'id',
  'bahasa malaysia': 'ms',
  filipino: 'fil',
  chinese: 'zh',
}

let names: Map<string, string> | undefined

/** Every two-letter language's name in English and in the language itself, from the runtime's CLDR data, to its tag. */
function namesTable(): Map<string, string> {
  if (names) return names
  names = new Map()
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second
      const name = english.of(code)
      if (!name || name === code) continue
      names.set(name.toLowerCase(), code)
      const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code)
      if (own && !names.has(own.toLowerCase())) names.set(own.toLowerCase(), code)
    }
  }
  return names
}

/**
 * A language as a source names it, to a BCP 47 tag: a tag as typed (`en`,
 * `pt-BR`), or a name in English or in the language itself (`English`,
 * `Français`, `Spanish`); of a list (`English, French`) the first is the
 * book's. Undefined when it names no language the runtime knows.
 */
export function languageTag(name: string): string | undefined {
  const given = name.trim().replace(/\s+/g, ' ')
  const special = SPECIAL[given] ?? SPECIAL[given.toLowerCase()]
  if (special) return special
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(given)) {
    try {
      return Intl.getCanonicalLocales(given)[0]
    } catch {
      return undefined
    }
  }
  const table = namesTable()
  const first = given.split(/[,;&]| and /)[0]?.trim().toLowerCase() ?? ''
  return table.get(given.toLowerCase()) ?? table.get(first)
}
