import { koboStyle } from './kobo/kobo-style.ts'
import { koboSpansTransform } from './kobo/kobo-spans.ts'
import { koboNoterefs } from './kobo/noterefs.ts'
import { stripSoftHyphens } from './kobo/strip-soft-hyphens.ts'
import type { Target } from './types.ts'

/** Kobo's kepub: the `.kepub.epub` name makes Kobo devices use their kepub renderer. */
export const koboTarget: Target = {
  name: 'kobo',
  summary: 'Kobo kepub (`.kepub.epub`), read by Kobo’s own renderer',
  fileName: (slug) => `${slug}.kepub.epub`,
  // Soft hyphens go before the spans, so no span holds one; the stylesheet
  // link is added before the spans only to keep the head untouched after.
  transforms: [stripSoftHyphens, koboNoterefs, koboStyle, koboSpansTransform],
  preflight: [],
}
