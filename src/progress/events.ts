/** The stages of a build, in the order they run. */
export const STAGES = ['load', 'typeset', 'render', 'package', 'verify', 'lint'] as const
export type Stage = (typeof STAGES)[number]

/**
 * What a build tells whoever shows its progress: a stage starts, a stage
 * ends (with a short summary), or, while texts are typeset, how many
 * chapters are done.
 */
export type ProgressEvent =
  | { type: 'start'; stage: Stage }
  | { type: 'end'; stage: Stage; summary: string; ms: number }
  | { type: 'chapters'; done: number; total: number }

export type ProgressListener = (event: ProgressEvent) => void
