import { resolveLanguage } from '../normalise/typography/languages/resolve.ts'
import type { RuleId } from './catalogue.ts'

/** What a text is written in, as far as the lint needs to know. */
export interface LintContext {
  /** The book's language, a BCP 47 tag. */
  language: string
  /** Whether a paragraph opened by `- ` is dialogue (book.yaml `dialogue-dashes`, or the language's default). */
  dialogueDashes: boolean
}

export const ENGLISH: LintContext = { language: 'en', dialogueDashes: false }

/** The context of a book in `language`, with book.yaml's `dialogue-dashes` when given. */
export function lintContext(language: string, dialogueDashes?: boolean): LintContext {
  return { language, dialogueDashes: dialogueDashes ?? resolveLanguage(language).profile.dialogueDashes }
}

/** Regions whose English sets a period or comma after a closing quote it does not belong to (Fowler; New Hart's Rules). */
const BRITISH_REGIONS = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'za', 'in'])
/** Languages whose typed `“` closes a quotation (`„…“`): the lint's English curling cannot pair their marks. */
const LOW_OPENING = new Set(['de', 'cs', 'sk', 'sl', 'hr', 'bg', 'lt', 'et', 'is', 'gsw'])

const subtags = (language: string): string[] => language.toLowerCase().split(/[-_]/)
const isEnglish = (language: string): boolean => subtags(language)[0] === 'en'

/** Which languages each rule reads, said for `colophon lint --rules` and tested before a rule runs. */
export const RULE_LANGUAGES: Readonly<Record<RuleId, { readonly says: string; applies(context: LintContext): boolean }>> = {
  T001: { says: 'all', applies: () => true },
  T002: { says: 'en', applies: (context) => isEnglish(context.language) },
  T003: { says: 'all but de, cs and others that open with „ and close with “', applies: (context) => !LOW_OPENING.has(subtags(context.language)[0] ?? '') },
  T004: { says: 'all', applies: () => true },
  T005: { says: 'en (other languages repeat words rightly: nous nous, die die)', applies: (context) => isEnglish(context.language) },
  T006: { says: 'en', applies: (context) => isEnglish(context.language) },
  T007: {
    says: 'en, but not en-GB, en-IE, en-AU, en-NZ, en-ZA, en-IN (British punctuation)',
    applies: (context) => isEnglish(context.language) && !subtags(context.language).slice(1).some((subtag) => BRITISH_REGIONS.has(subtag)),
  },
  T008: { says: 'all', applies: () => true },
  T009: { says: 'books whose dialogue opens with a dash (fr, es, pt, ru, pl, sv, or dialogue-dashes: true)', applies: (context) => context.dialogueDashes },
  L001: { says: 'all', applies: () => true },
  L002: { says: 'all', applies: () => true },
}
