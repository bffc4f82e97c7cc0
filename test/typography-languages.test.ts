import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { typeset } from '../src/typeset.ts'
import { typesetString } from '../src/normalise/typography/index.ts'
import { PROFILES } from '../src/normalise/typography/languages/table.ts'

// English follows SE, which drops the archaic `,—` comma on purpose; its own fixtures cover it.
const LANGUAGES = Object.keys(PROFILES).filter((language) => language !== 'en')
const text = (markdown: string, language: string): string => typeset(markdown, { language }).text

/** Characters a writer types around dialogue: the property's alphabet. */
const PIECES = ['a', 'b', 'Д', 'é', '字', ' ', ' ', '-', '--', ',', '.', '"', "'", '?', '!', ':', ';', '—', '...', '1', '9']
const typed = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''))

const count = (value: string, pattern: RegExp): number => value.match(pattern)?.length ?? 0
const QUOTES = /["'«»„“”‚‘’‹›「」『』]/g
const COMMAS = /[,，、]/g
const DASH_RUNS = /[-—–―⸺⸻−]+/g

describe('typography in every language', () => {
  it('keeps the Russian dialogue comma and spaces (issue 19)', () => {
    expect(text('-- Привет, -- сказал он.', 'ru')).toBe('— Привет,\u00A0— сказал он.')
  })

  it('keeps the Spanish raya attached, not closed up (issue 19)', () => {
    expect(text('--Espera --dijo Marta--, ya voy.', 'es')).toBe('—Espera —dijo Marta—, ya voy.')
  })

  it('reads a French `- ` paragraph as dialogue, not a list, and keeps the dash', () => {
    const result = typeset('- Rien, répondit-elle.', { language: 'fr' })
    expect(result.xhtml).not.toContain('<li>')
    expect(result.text).toBe('—\u00A0Rien, répondit-elle.')
  })

  it('lets dialogueDashes: false make a list of `- ` lines in French', () => {
    expect(typeset('- pain\n- vin', { language: 'fr', dialogueDashes: false }).xhtml).toContain('<li>')
  })

  it('picks the rules by region and script', () => {
    expect(typesetString('"a"', { language: 'pt-BR' })).toBe('“a”')
    expect(typesetString('"a"', { language: 'pt-PT' })).toBe('«a»')
    expect(typesetString('"a"', { language: 'pt-AO' })).toBe('«a»')
    expect(typesetString('"a"', { language: 'de-CH' })).toBe('«a»')
    expect(typesetString('"a"', { language: 'de-AT' })).toBe('„a“')
    expect(typesetString('"字"', { language: 'zh-TW' })).toBe('「字」')
    expect(typesetString('"字"', { language: 'zh-Hant-HK' })).toBe('「字」')
    expect(typesetString('"字"', { language: 'zh-CN' })).toBe('“字”')
    expect(typesetString('"a?"', { language: 'fr-CA' })).toBe('«\u202Fa\u202F?\u202F»')
  })

  it('sets a passage with its own lang by its own rules', () => {
    const result = typeset('He said <span lang="fr">"Allez !"</span> and "left".\n\n<div lang="de">\n\n"Komm", sagte sie.\n\n</div>\n\n"Back."', { language: 'en' })
    expect(result.text).toContain('«\u202FAllez\u202F!\u202F»')
    expect(result.text).toContain('“left”')
    expect(result.text).toContain('„Komm“, sagte sie.')
    expect(result.text).toContain('“Back.”')
  })

  it('writes U+00A0 for the narrow no-break space with nbsp: regular', () => {
    expect(typesetString('"Allez !"', { language: 'fr', nbsp: 'regular' })).toBe('«\u00A0Allez\u00A0!\u00A0»')
    expect(typesetString('z. B.', { language: 'de', nbsp: 'regular' })).toBe('z.\u00A0B.')
    expect(() => typesetString('x', { nbsp: 'thin' as 'narrow' })).toThrow(/Unexpected `nbsp` `thin`, expected `narrow` or `regular`/)
  })

  it('warns about a language without rules and gives it CLDR quotes', () => {
    const result = typeset('"Hei" - sa hun.', { language: 'nb' })
    expect(result.text).toBe('«Hei» — sa hun.')
    expect(result.messages.map((message) => message.reason).join()).toMatch(/Unexpected language `nb` for typography/)
    expect(typeset('"x"', { language: 'fr' }).messages).toHaveLength(0)
  })

  it('never loses a typed comma, quote or dash, in any language', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...LANGUAGES), (input, language) => {
        const output = typesetString(input, { language })
        expect(count(output, COMMAS)).toBe(count(input, COMMAS))
        expect(count(output, QUOTES)).toBe(count(input, QUOTES))
        expect(count(output, DASH_RUNS)).toBe(count(input, DASH_RUNS))
      }),
      { numRuns: 3000 },
    )
  })

  it('sets typeset text to itself, in any language', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...LANGUAGES), (input, language) => {
        const once = typesetString(input, { language })
        expect(typesetString(once, { language })).toBe(once)
      }),
      { numRuns: 3000 },
    )
  })
})
