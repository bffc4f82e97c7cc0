/**
 * The loop a developer runs while working, `npm run test:quick` (vitest's
 * quick project in mode `quick`, which sets COLOPHON_TEST_DEPTH=quick):
 * there a property test runs a tenth of its cases, enough to catch a rule
 * broken outright in under a minute for the whole loop. `npm test` (and CI)
 * runs every property at its full count (docs/decisions/0041).
 */
export const QUICK_LOOP = process.env['COLOPHON_TEST_DEPTH'] === 'quick'

/** fast-check's `numRuns` for a property: `full` in `npm test`, `quick` (a tenth by default) in the quick loop. */
export function runs(full: number, quick = Math.max(1, Math.round(full / 10))): number {
  return QUICK_LOOP ? quick : full
}
