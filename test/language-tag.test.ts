import fc from 'fast-check'
import { isLangCode } from 'is-language-code'
import { describe, expect, it } from 'vitest'
import { checkLanguageTag, LANGUAGES, REGIONS } from '../src/load/language-tag.ts'
import { runs } from './helpers/runs.ts'

/**
 * The language check answers the commonest tags from its own lists, without
 * loading is-language-code's tables; every answer must be the library's.
 */
describe('checkLanguageTag', () => {
  it('lists only subtags is-language-code accepts, alone and together', () => {
    const refused = [
      ...[...LANGUAGES].filter((language) => !isLangCode(language).res),
      ...[...REGIONS].filter((region) => !isLangCode(`en-${region}`).res),
      ...[...LANGUAGES].flatMap((language) => [...REGIONS].map((region) => `${language}-${region.toUpperCase()}`)).filter((tag) => !isLangCode(tag).res),
    ]
    expect(refused).toEqual([])
  })

  it('answers as is-language-code does, on tags of every shape', () => {
    const letters = fc.stringMatching(/^[a-zA-Z]{1,4}$/)
    const tag = fc.oneof(
      fc.tuple(letters, fc.option(letters, { nil: undefined })).map(([language, region]) => (region === undefined ? language : `${language}-${region}`)),
      fc.constantFrom('en', 'EN', 'en-GB', 'en-gb', 'xx', 'xx-GB', 'en-XQ', 'en_GB', 'english', 'zh-Hans', 'es-419', 'sr-Latn-RS', 'i-klingon', 'x-private', 'en-', '', ' '),
      fc.string({ maxLength: 12 }),
    )
    fc.assert(
      fc.property(tag, (value) => {
        expect(checkLanguageTag(value)).toEqual(isLangCode(value))
      }),
      { numRuns: runs(5000) },
    )
  })

  it('loads the library for a tag outside its lists, with the library’s reason', () => {
    expect(checkLanguageTag('sr-Latn-RS')).toEqual({ res: true, message: null })
    expect(checkLanguageTag('xx')).toEqual({ res: false, message: 'Unrecognised language subtag, "xx".' })
  })
})
