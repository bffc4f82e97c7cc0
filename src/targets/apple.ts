import { appleDisplayOptions } from './apple/display-options.ts'
import { appleStartLandmark } from './apple/start-landmark.ts'
import type { Target } from './types.ts'

export const appleTarget: Target = {
  name: 'apple',
  summary: 'EPUB for Apple Books, with its display options and start landmark',
  fileName: (slug) => `${slug}.apple.epub`,
  transforms: [appleDisplayOptions, appleStartLandmark],
  preflight: [],
}
