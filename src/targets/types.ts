import type { Publication } from '../package/index.ts'
import type { PreflightRule } from './preflight/types.ts'

export const targetNames = ['epub', 'kobo', 'kindle', 'apple'] as const
export type TargetName = (typeof targetNames)[number]

/** One named step of a target: a pure function of the publication. */
export interface Transform {
  id: string
  /** What it does and why the device needs it (listed in the README). */
  summary: string
  apply(publication: Publication): Publication
}

/** A device family's variant of the one build. */
export interface Target {
  name: TargetName
  summary: string
  /** File name in dist/ for a book whose slug is `slug`. */
  fileName(slug: string): string
  /** Applied in this order. */
  transforms: Transform[]
  /** Rules the transformed publication must pass before it is written. */
  preflight: PreflightRule[]
}

/** `all` or a comma-separated list of names → the targets, in the catalogue's order. */
export function parseTargets(value: string): TargetName[] | undefined {
  const names = value === 'all' ? [...targetNames] : value.split(',').map((name) => name.trim())
  if (names.length === 0 || !names.every((name): name is TargetName => (targetNames as readonly string[]).includes(name))) return undefined
  return targetNames.filter((name) => names.includes(name))
}
