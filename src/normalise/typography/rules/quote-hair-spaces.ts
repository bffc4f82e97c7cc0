import { HAIR_SPACE } from '../chars.ts'
import { regexRule } from '../rule.ts'

/**
 * Quotation marks side by side are separated by a hair space (SEMoS 8.7.2):
 * `“ ‘`, `’ ”`, `“ ’Tis`, `‘ “`, and `” ’` when the `’` is not an elision
 * (`“Go,” ’e said` keeps its space). Loose spaces between the pairs go.
 */
export const quoteHairSpaces = regexRule(
  'quote-hair-spaces',
  '“‘’”',
  /[“‘][ \t\u00A0\u200A]*(?=[‘“’])|’[ \t\u00A0\u200A]*(?=”)|’\u200A?(?=’)|”[ \t\u00A0\u200A]*(?=’(?![\p{L}\p{N}]))/gu,
  (match) => match[0][0] + HAIR_SPACE,
)
