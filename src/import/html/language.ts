/**
 * A language's name as an archive prints it (AO3's `English`, `Français`,
 * `中文-普通话 國語`; FanFiction.net's `Spanish`) → a BCP 47 tag. Names
 * come from the runtime's own CLDR data (Intl.DisplayNames), in English
 * and in each language itself, so no list of names is kept here but the
 * few AO3 spells its own way.
 */
const SPECIAL: Record<string, string> = {
  '中文-普通话 國語': 'zh',
  '中文-广东话 粵語': 'yue',
  'português brasileiro': 'pt-BR',
  'português europeu': 'pt-PT',
  'bahasa indonesia': 'id',
  'bahasa malaysia': 'ms',
  filipino: 'fil',
  'chinese': 'zh',
}

let names: Map<string, string> | undefined

function table(): Map<string, string> {
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

export function languageTag(name: string): string | undefined {
  const key = name.trim().replace(/\s+/g, ' ')
  const special = SPECIAL[key] ?? SPECIAL[key.toLowerCase()]
  if (special) return special
  return table().get(key.toLowerCase())
}
