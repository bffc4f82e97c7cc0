import { kindleRules } from './preflight/index.ts'
import type { Target } from './types.ts'

/** An EPUB for Send to Kindle / KDP, which convert it themselves: what matters is that it passes their checks. */
export const kindleTarget: Target = {
  name: 'kindle',
  summary: 'EPUB for Send to Kindle and KDP, written only when it passes the Send-to-Kindle preflight',
  fileName: (slug) => `${slug}.kindle.epub`,
  transforms: [],
  preflight: kindleRules,
}
