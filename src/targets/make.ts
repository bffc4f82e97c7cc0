import { BookError } from '../errors.ts'
import type { Publication } from '../package/index.ts'
import { settleEntries, zipEpub, type MadeEntry, type PackCache, type TextDeflater } from '../package/index.ts'
import type { PreflightOptions } from './preflight/index.ts'
import type { Target, TargetName } from './types.ts'

/**
 * Each target's definition, loaded when a build asks for it: the generic
 * EPUB needs none of the XML parsing the device variants and the Kindle
 * preflight bring (some 6 ms of every build's start). `targets` in
 * index.ts is the same catalogue, loaded whole, for the library's users.
 */
const definitions: Record<TargetName, () => Promise<Target>> = {
  epub: async () => (await import('./epub.ts')).epubTarget,
  kobo: async () => (await import('./kobo.ts')).koboTarget,
  kindle: async () => (await import('./kindle.ts')).kindleTarget,
  apple: async () => (await import('./apple.ts')).appleTarget,
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
  const chosen = await Promise.all(names.map(async (name) => ({ name, target: await definitions[name]() })))
  // A preflight weighs every file, so a cover still being drawn is waited for; without one, only the zip waits for it.
  const weighed = chosen.some(({ target }) => target.preflight.length > 0)
  const source = weighed ? { ...publication, entries: await settleEntries(publication.entries) } : publication
  const preflight = weighed ? (await import('./preflight/index.ts')).preflight : undefined
  const made = chosen.map(({ name, target }) => {
    const fileName = target.fileName(options.slug)
    const transformed = transformFor(source, target)
    const problems = preflight && target.preflight.length > 0 ? preflight(transformed, target.preflight, fileName, options.preflight) : []
    return { target: name, fileName, transformed, problems }
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
