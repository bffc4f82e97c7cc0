import { format, type Labels } from '../render/labels.ts'
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

/** The summary is in the book's language (`labels`), as the OPF that carries it is. */
export function accessibilityMetadata(facts: ContentFacts, labels: Labels): AccessibilityMetadata {
  const images = facts.images.length > 0
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']
  if (images) features.push('alternativeText')
  if (facts.footnotes) features.push('annotations')
  const summary = [
    labels.a11yText,
    images ? format(labels.a11yImages, { count: facts.images.length }) : labels.a11yNoImages,
    facts.footnotes ? labels.a11yFootnotes : '',
    labels.a11yChecked,
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
