import type { Publication } from '../../package/index.ts'
import { isXhtml, mapTextEntries } from '../publication.ts'
import type { Transform } from '../types.ts'

const SOFT_HYPHEN = /\u00AD|&shy;|&#173;|&#x[aA][dD];/g

export const stripSoftHyphens: Transform = {
  id: 'no-soft-hyphens',
  summary: 'removes soft hyphens (U+00AD): Kobo’s renderer shows them as visible hyphens or breaks words at them badly, and hyphenates by itself',
  apply: (publication: Publication): Publication => mapTextEntries(publication, isXhtml, (text) => text.replace(SOFT_HYPHEN, '')),
}
