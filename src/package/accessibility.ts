import type { ContentFacts } from '../render/types.ts'

/**
 * schema.org accessibility metadata, derived from what the book holds
 * (EPUB Accessibility 1.1). Every image carries alt text (a book without
 * is an error before this point), so text alone always suffices.
 */
export interface AccessibilityMetadata {
  accessModes: string[]
  accessModesSufficient: string[]
  features: string[]
  hazards: string[]
  summary: string
  conformsTo: string
}

export const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA'

export function accessibilityMetadata(facts: ContentFacts): AccessibilityMetadata {
  const images = facts.images.length > 0
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']
  if (images) features.push('alternativeText')
  if (facts.footnotes) features.push('annotations')
  const summary = [
    'Reflowable text with headings, a table of contents and landmarks; the reading order follows the text.',
    images ? `Every image (${facts.images.length}) has a text alternative.` : 'The book has no images other than decorative ornaments.',
    facts.footnotes ? 'Footnotes are linked both ways.' : '',
    'Checked with Ace by DAISY and EPUBCheck when built.',
  ]
    .filter(Boolean)
    .join(' ')
  return {
    accessModes: images ? ['textual', 'visual'] : ['textual'],
    accessModesSufficient: ['textual'],
    features,
    hazards: ['none'],
    summary,
    conformsTo: CONFORMANCE,
  }
}
