import type { Labels, MatterKind } from './labels.ts'

/** ARIA roles for the `epub:type`s a page's name can give it (DPUB-ARIA). */
const roles: Partial<Record<MatterKind, string>> = {
  dedication: 'doc-dedication',
  epigraph: 'doc-epigraph',
  foreword: 'doc-foreword',
  preface: 'doc-preface',
  introduction: 'doc-introduction',
  prologue: 'doc-prologue',
  epilogue: 'doc-epilogue',
  afterword: 'doc-afterword',
  acknowledgments: 'doc-acknowledgments',
  colophon: 'doc-colophon',
}

/** `epub:type`s of the EPUB Structural Semantics Vocabulary for the kinds that have one. */
const types: Partial<Record<MatterKind, string>> = {
  ...Object.fromEntries(Object.keys(roles).map((kind) => [kind, kind])),
}

export interface MatterSemantics {
  /** The page's kind, when its name says one (`dedication`); titles it in the book's language. */
  kind?: MatterKind
  type: string
  role?: string
}

/** What a matter page is, from its file name's slug (`dedication`, `about-the-author-2`). */
export function matterSemantics(slug: string, where: 'front' | 'back', labels: Labels): MatterSemantics {
  const base = slug.replace(/-\d+$/, '')
  const kind = base in labels.matter ? (base as MatterKind) : undefined
  const type = kind ? types[kind] : undefined
  if (kind && type) return { kind, type, role: roles[kind] }
  return { kind, type: where === 'front' ? 'frontmatter' : 'backmatter' }
}
