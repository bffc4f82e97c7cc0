import { appleTarget } from './apple.ts'
import { epubTarget } from './epub.ts'
import { kindleTarget } from './kindle.ts'
import { koboTarget } from './kobo.ts'
import type { Target, TargetName } from './types.ts'

export { kindleRules, preflight, type PreflightOptions, type PreflightRule } from './preflight/index.ts'
export { parseTargets, targetNames, type Target, type TargetName, type Transform } from './types.ts'
export { makeTargets, transformFor, type TargetOptions, type TargetOutput } from './make.ts'

/** Every target, by name. */
export const targets: Record<TargetName, Target> = {
  epub: epubTarget,
  kobo: koboTarget,
  kindle: kindleTarget,
  apple: appleTarget,
}
