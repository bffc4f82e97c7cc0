import type { LanguageProfile } from './profile.ts'

const NBSP = '\u00A0'
/** The narrow no-break space: French « », German `z. B.`. */
const NNBSP = '\u202F'

const spaced = (glyph: string): LanguageProfile['dash'] => ({ glyph, before: ' ', after: ' ' })

/**
 * One row per language colophon sets by its own rules, with the reference
 * each follows. CLDR's delimiters disagree with these references in places
 * (es, de-CH, nl, nested fr), so CLDR is only the fallback (`neutral.ts`).
 */
export const PROFILES: Readonly<Record<string, LanguageProfile>> = {
  // The Standard Ebooks Manual of Style; the preset in preset.ts sets it, these fields are for the parser and lint.
  en: { tag: 'en', english: true, quotes: { primary: ['“', '”'], secondary: ['‘', '’'] }, typed: ['“”', '‘’'], dash: spaced('—'), dialogueDashes: false },
  // Lexique des règles typographiques en usage à l'Imprimerie nationale: « » with fine spaces, “ ” inside,
  // a fine space before ; ! ?, a no-break space before :, dialogue opened by a dash, a spaced en dash in a sentence.
  fr: {
    tag: 'fr',
    quotes: { primary: ['«', '»'], secondary: ['“', '”'] },
    typed: ['«»', '“”', '‹›'],
    quoteSpace: NNBSP,
    punctuationSpaces: { ';': NNBSP, '!': NNBSP, '?': NNBSP, ':': NBSP },
    dialogue: { dash: '—', space: NBSP },
    dash: spaced('–'),
    dialogueDashes: true,
    abbreviations: { words: ['M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Mgr', 'Dr', 'Pr', 'St', 'Ste', 'n°', 'p.'], space: NBSP },
    hourSpaces: true,
    ellipsisAttached: true,
  },
  // Swiss French: ‹ › inside « », and a fine space before every high mark, colon included.
  'fr-CH': {
    tag: 'fr-CH',
    quotes: { primary: ['«', '»'], secondary: ['‹', '›'] },
    typed: ['«»', '‹›', '“”'],
    quoteSpace: NNBSP,
    punctuationSpaces: { ';': NNBSP, '!': NNBSP, '?': NNBSP, ':': NNBSP },
    dialogue: { dash: '—', space: NBSP },
    dash: spaced('–'),
    dialogueDashes: true,
    abbreviations: { words: ['M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Mgr', 'Dr', 'Pr', 'St', 'Ste', 'n°', 'p.'], space: NBSP },
    hourSpaces: true,
    ellipsisAttached: true,
  },
  // Duden, Satz und Korrektur: „ “ and ‚ ‘, a spaced en dash (Gedankenstrich), `z. B.` with a narrow no-break space.
  de: {
    tag: 'de',
    quotes: { primary: ['„', '“'], secondary: ['‚', '‘'] },
    guillemets: { primary: ['»', '«'], secondary: ['›', '‹'] },
    typed: ['„“', '‚‘', '»«', '›‹'],
    dash: spaced('–'),
    dialogueDashes: false,
    abbreviations: { words: ['z. B.', 'd. h.', 'u. a.', 'u. U.', 'o. Ä.', 's. o.', 's. u.', 'v. a.', 'i. d. R.', 'u. v. m.', 'z. T.'], space: NNBSP },
  },
  // Swiss German (Duden; Schweizer Orthographische Konferenz): « » and ‹ › without spaces.
  'de-CH': {
    tag: 'de-CH',
    quotes: { primary: ['«', '»'], secondary: ['‹', '›'] },
    typed: ['«»', '‹›', '„“', '‚‘'],
    dash: spaced('–'),
    dialogueDashes: false,
    abbreviations: { words: ['z. B.', 'd. h.', 'u. a.', 'u. U.', 'o. Ä.', 's. o.', 's. u.', 'v. a.', 'i. d. R.', 'u. v. m.', 'z. T.'], space: NNBSP },
  },
  // RAE, Ortografía de la lengua española (2010): « », “ ” inside, ‘ ’ inside that; the raya attached to
  // the words it encloses; a quotation that runs on opens each further paragraph with ».
  es: {
    tag: 'es',
    quotes: { primary: ['«', '»'], secondary: ['“', '”'], single: ['‘', '’'] },
    typed: ['«»', '“”', '‘’'],
    dialogue: { dash: '—', space: '' },
    dash: 'raya',
    dialogueDashes: true,
    continuation: '»',
    abbreviations: { words: ['Sr.', 'Sra.', 'Srta.', 'Dr.', 'Dra.', 'D.', 'Dña.', 'Ud.', 'Uds.', 'Vd.', 'Vds.'], space: NBSP },
  },
  // Italian (Lesina, Il nuovo manuale di stile): « », “ ” inside, ‘ ’ for a typed single quote; a spaced en dash.
  it: {
    tag: 'it',
    quotes: { primary: ['«', '»'], secondary: ['“', '”'], single: ['‘', '’'] },
    typed: ['«»', '“”', '‘’'],
    dialogue: { dash: '—', space: ' ' },
    dash: spaced('–'),
    dialogueDashes: false,
    abbreviations: { words: ['Sig.', 'Sigg.', 'Sig.ra', 'Sig.na', 'Dott.', 'Dott.ssa', 'Prof.', 'Prof.ssa', 'S.', 'Ing.', 'Avv.'], space: NBSP },
  },
  // Brazilian Portuguese (ABNT; Manual de Redação da Presidência): “ ” and ‘ ’, dialogue `— ` and ` — disse ele — `.
  'pt-BR': {
    tag: 'pt-BR',
    quotes: { primary: ['“', '”'], secondary: ['‘', '’'] },
    typed: ['“”', '‘’', '«»'],
    dialogue: { dash: '—', space: ' ' },
    dash: spaced('—'),
    dialogueDashes: true,
    abbreviations: { words: ['Sr.', 'Sra.', 'Srta.', 'Dr.', 'Dra.', 'D.'], space: NBSP },
  },
  // European Portuguese (Acordo Ortográfico; Código de Redação da UE): « », “ ” inside; dialogue as in Brazil.
  'pt-PT': {
    tag: 'pt-PT',
    quotes: { primary: ['«', '»'], secondary: ['“', '”'] },
    typed: ['«»', '“”', '‘’'],
    dialogue: { dash: '—', space: ' ' },
    dash: spaced('—'),
    dialogueDashes: true,
    abbreviations: { words: ['Sr.', 'Sra.', 'Srta.', 'Dr.', 'Dra.', 'D.'], space: NBSP },
  },
  // Мильчин, Справочник издателя и автора; typograf's ru rules: « » and „ “, a no-break space before every
  // dash, the dialogue comma kept (`, — сказал он. — `), one-letter words and initials bound.
  ru: {
    tag: 'ru',
    quotes: { primary: ['«', '»'], secondary: ['„', '“'] },
    typed: ['«»', '„“'],
    dialogue: { dash: '—', space: ' ' },
    dash: { glyph: '—', before: NBSP, after: ' ' },
    dialogueDashes: true,
    boundWords: 'вксуоиаяВКСУОИАЯ',
    abbreviations: { words: ['т. д.', 'т. п.', 'т. е.', 'т. к.', 'т. н.', 'и. о.', 'н. э.', 'до н. э.'], space: NBSP },
    initials: true,
  },
  // Polish (PWN, Wielki słownik ortograficzny; Wolański): „ ” and « », a no-break space and an en dash in a
  // sentence, dialogue opened by an em dash, the one-letter words a i o u w z bound to the next.
  pl: {
    tag: 'pl',
    quotes: { primary: ['„', '”'], secondary: ['«', '»'] },
    typed: ['„”', '«»', '‚’'],
    dialogue: { dash: '—', space: ' ' },
    dash: { glyph: '–', before: NBSP, after: ' ' },
    dialogueDashes: true,
    boundWords: 'aiouwzAIOUWZ',
    abbreviations: { words: ['np.', 'tzn.', 'tj.', 'ok.', 'ul.', 'dr', 'prof.', 'p.', 'm.in.'], space: NBSP },
    initials: true,
  },
  // Taalunie (Leidraad; Schrijfwijzer): the writer's “ ” or ‘ ’ kept, ’s and ’t elided, a spaced en dash.
  nl: {
    tag: 'nl',
    quotes: { primary: ['“', '”'], secondary: ['‘', '’'] },
    typed: ['“”', '‘’', '„”'],
    elisions: ['s', 't', 'n', 'k', 'm', 'r', 'ns'],
    dash: spaced('–'),
    dialogueDashes: false,
  },
  // Svenska skrivregler (Språkrådet): ” ” and ’ ’, the same mark at both ends; dialogue with an en dash.
  sv: {
    tag: 'sv',
    quotes: { primary: ['”', '”'], secondary: ['’', '’'] },
    typed: ['””', '’’', '»»'],
    dialogue: { dash: '–', space: ' ' },
    dash: spaced('–'),
    dialogueDashes: true,
  },
  // ČSN 01 6910: „ “ and ‚ ‘, a spaced en dash, the one-letter prepositions and conjunctions bound.
  cs: {
    tag: 'cs',
    quotes: { primary: ['„', '“'], secondary: ['‚', '‘'] },
    typed: ['„“', '‚‘', '»«'],
    dialogue: { dash: '–', space: ' ' },
    dash: spaced('–'),
    dialogueDashes: false,
    boundWords: 'vszkouaiVSZKOUAI',
    initials: true,
  },
  // JIS X 4051: 「 」 and 『 』, full-width punctuation (、。), ―― as a dash, …… for an ellipsis.
  ja: { tag: 'ja', quotes: { primary: ['「', '」'], secondary: ['『', '』'] }, typed: ['「」', '『』'], dash: 'cjk', dialogueDashes: false, cjk: 'ja' },
  // GB/T 15834-2011: “ ” and ‘ ’, full-width punctuation, —— and ……, no spaces added.
  zh: { tag: 'zh', quotes: { primary: ['“', '”'], secondary: ['‘', '’'] }, typed: ['“”', '‘’', '「」', '『』'], dash: 'cjk', dialogueDashes: false, cjk: 'zh' },
  // Traditional Chinese (Taiwan's 重訂標點符號手冊; Hong Kong): 「 」 and 『 』.
  'zh-Hant': { tag: 'zh-Hant', quotes: { primary: ['「', '」'], secondary: ['『', '』'] }, typed: ['「」', '『』', '“”'], dash: 'cjk', dialogueDashes: false, cjk: 'zh' },
}
