import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { typeset } from '../src/typeset.ts'
import { typesetString } from '../src/normalise/typography/index.ts'
import { PROFILES } from '../src/normalise/typography/languages/table.ts'
import { runs } from './helpers/runs.ts'

// English follows SE, which drops the archaic `,—` comma on purpose; its own fixtures cover it.
const LANGUAGES = Object.keys(PROFILES).filter((language) => language !== 'en')
const text = (markdown: string, language: string): string => typeset(markdown, { language }).text

/** Characters a writer types around dialogue: the property's alphabet. */
const PIECES = ['a', 'b', 'Д', 'é', '字', ' ', ' ', '-', '--', ',', '.', '"', "'", '?', '!', ':', ';', '—', '...', '1', '9']
const typed = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''))

const count = (value: string, pattern: RegExp): number => value.match(pattern)?.length ?? 0
const QUOTES = /["'«»„“”‚‘’‹›「」『』]/g
const QUOTES_OR_PRIMES = /["'«»„“”‚‘’‹›「」『』′″]/g
const COMMAS = /[,，、]/g
const DASH_RUNS = /[-—–―⸺⸻−]+/g

describe('typography in every language', () => {
  it('keeps the Russian dialogue comma and spaces (issue 19)', () => {
    expect(text('-- Привет, -- сказал он.', 'ru')).toBe('— Привет,\u00A0— сказал он.')
  })

  it('keeps the Spanish raya attached, not closed up (issue 19)', () => {
    expect(text('--Espera --dijo Marta--, ya voy.', 'es')).toBe('—Espera —dijo Marta—, ya voy.')
  })

  it('keeps a Spanish raya after a three-em dash as its own run (found by the property below)', () => {
    expect(text('a ----— a', 'es')).toBe('a ⸻—a')
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
      { numRuns: runs(3000) },
    )
  })

  it('never loses a typed comma, quote or dash across inline HTML, emphasis and raw HTML blocks, in any language', () => {
    // Words typed as above, some wrapped: emphasis (Markdown or HTML) may start or end inside a quotation, a span may have
    // its own lang (not English, which drops the archaic `,—` comma on purpose, as above).
    const wrap = fc.constantFrom(
      (text: string) => text,
      (text: string) => `*${text}*`,
      (text: string) => `<em>${text}</em>`,
      (text: string) => `<strong>${text}</strong>`,
      (text: string) => `<span lang="ja">${text}</span>`,
      (text: string) => `<span lang="fr">${text}</span>`,
      (text: string) => `<span lang="ru">${text}</span>`,
    )
    const piece = fc.tuple(typed, wrap).map(([text, how]) => (text.trim() === '' ? text : how(text.trim())))
    // A letter first: the paragraph must not open a list, a heading or an HTML block the pieces did not mean.
    const paragraph = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => `a ${pieces.join(' ')}`)
    const block = fc.tuple(paragraph, fc.constantFrom('md', 'p', 'div-de')).map(([text, kind]) =>
      // Markdown is not read inside an HTML block: its `*` would be a literal star there, so it takes none.
      kind === 'md' ? text : kind === 'p' ? `<p>${text.replace(/\*/g, '')}</p>` : `<div lang="de">\n${text.replace(/\*/g, '')}\n</div>`,
    )
    const markdown = fc.array(block, { minLength: 1, maxLength: 3 }).map((blocks) => blocks.join('\n\n'))
    /**
     * What a reader reads: emphasis tags gone (a dash run split by `<em>` is one run), a passage's
     * edge a mark of its own (its rules and the rules around it each set their own dashes), blocks
     * apart, entities decoded, Markdown's emphasis marks gone (the alphabet has no `*`).
     */
    const shown = (html: string): string =>
      html.replace(/<\/?(?:p|div)\b[^>]*>/g, '\n').replace(/<\/?span\b[^>]*>/g, '|').replace(/<[^>]*>/g, '').replace(/\*/g, '').replace(/&quot;/g, '"').replace(/&#x27;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    fc.assert(
      fc.property(markdown, fc.constantFrom(...LANGUAGES), (input, language) => {
        const output = shown(typeset(input, { language }).xhtml)
        const typedText = shown(input)
        expect(count(output, COMMAS), output).toBe(count(typedText, COMMAS))
        // A `1'` may become a prime: the mark is kept, as what it means.
        expect(count(output, QUOTES_OR_PRIMES), output).toBe(count(typedText, QUOTES_OR_PRIMES))
        expect(count(output, DASH_RUNS), output).toBe(count(typedText, DASH_RUNS))
      }),
      { numRuns: runs(1500) },
    )
  })

  it('sets typeset text to itself, in any language', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...LANGUAGES), (input, language) => {
        const once = typesetString(input, { language })
        expect(typesetString(once, { language })).toBe(once)
      }),
      { numRuns: runs(3000) },
    )
  })
})
