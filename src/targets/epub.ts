import type { Target } from './types.ts'

/** The generic EPUB 3 (with NCX for older readers), as the package stage makes it. */
export const epubTarget: Target = {
  name: 'epub',
  summary: 'generic EPUB 3 with an NCX for EPUB 2 readers (Adobe’s engine, older Kobo and Nook firmware)',
  fileName: (slug) => `${slug}.epub`,
  transforms: [],
  preflight: [],
}
