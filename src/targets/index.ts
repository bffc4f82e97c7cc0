import type { Publication } from '../package/index.ts'
import { settleEntries, zipEpub, type MadeEntry, type PackCache, type TextDeflater } from '../package/index.ts'
import { BookError } from '../errors.ts'
import { appleTarget } from './apple.ts'
import { epubTarget } from './epub.ts'
import { kindleTarget } from './kindle.ts'
import { koboTarget } from './kobo.ts'
import { preflight, type PreflightOptions } from './preflight/index.ts'
import { targetNames, type Target, type TargetName } from './types.ts'

export { kindleRules, preflight, type PreflightOptions, type PreflightRule } from './preflight/index.ts'
export { targetNames, type Target, type TargetName, type Transform } from './types.ts'

/** Every target, by name. */
export const targets: Record<TargetName, Target> = {
  epub: epubTarget,
  kobo: koboTarget,
  kindle: kindleTarget,
  apple: appleTarget,
}

/** `all` or a comma-separated list of names → the targets, in the catalogue's order. */
export function parseTargets(value: string): TargetName[] | undefined {
  const names = value === 'all' ? [...targetNames] : value.split(',').map((name) => name.trim())
  if (names.length === 0 || !names.every((name): name is TargetName => (targetNames as readonly string[]).includes(name))) return undefined
  return targetNames.filter((name) => names.includes(name))
}

export interface TargetOutput {
  target: TargetName
  /** `<slug>.epub`, `<slug>.kepub.epub`, `<slug>.kindle.epub`, `<slug>.apple.epub` */
  fileName: string
  epub: Uint8Array
  /** The files zipped into `epub`, in its order (what the verify stage checks). */
  entries: readonly MadeEntry[]
}

export interface TargetOptions {
  slug: string
  /** Every zip entry's time (the build time). */
  date: Date
  preflight?: PreflightOptions
  /** Deflated entries of earlier builds to reuse (the build cache); the bytes are the same without it. */
  pack?: PackCache
  /** Encodes and deflates big texts elsewhere (the build's worker threads); the bytes are the same without it. */
  deflate?: TextDeflater
}

/** Apply a target's transforms, in order, to the publication. */
export function transformFor(publication: Publication, target: Target): Publication {
  return target.transforms.reduce((current, transform) => transform.apply(current), publication)
}

/**
 * Make each named target from one packaged publication: transform, run its
 * preflight, zip. Throws a `BookError` with every preflight finding of
 * every target, so nothing is written when one target fails.
 */
export async function makeTargets(publication: Publication, names: readonly TargetName[], options: TargetOptions): Promise<TargetOutput[]> {
  // A preflight weighs every file, so a cover still being drawn is waited for; without one, only the zip waits for it.
  const weighed = names.some((name) => targets[name].preflight.length > 0)
  const source = weighed ? { ...publication, entries: await settleEntries(publication.entries) } : publication
  const made = names.map((name) => {
    const target = targets[name]
    const fileName = target.fileName(options.slug)
    const transformed = transformFor(source, target)
    return { target: name, fileName, transformed, problems: preflight(transformed, target.preflight, fileName, options.preflight) }
  })
  const problems = made.flatMap((output) => output.problems)
  if (problems.length > 0) throw new BookError(problems)
  return Promise.all(
    made.map(async ({ target, fileName, transformed }) => ({
      target,
      fileName,
      epub: await zipEpub(transformed.entries, options.date, options.pack, options.deflate),
      entries: await settleEntries(transformed.entries),
    })),
  )
}
