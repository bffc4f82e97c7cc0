import type { Publication } from '../../package/index.ts'
import type { PackageModel } from '../publication.ts'

export interface PreflightOptions {
  /** Largest total size of the book's files, in bytes (default 50 MiB). */
  maxBytes?: number
}

export interface PreflightContext {
  publication: Publication
  pkg: PackageModel
  options: Required<PreflightOptions>
}

/** A problem a rule found in one file of the book. */
export interface Finding {
  /** Path inside the container. */
  path: string
  /** "Unexpected X, expected Y", with the fix. */
  reason: string
  /** Offset into the file's text, turned into line:column. */
  offset?: number
}

/** One named check; ids are stable and never reused. */
export interface PreflightRule {
  id: string
  /** What it checks and why Amazon's service needs it (listed in the README). */
  summary: string
  check(context: PreflightContext): Finding[]
}
