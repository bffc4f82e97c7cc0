import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Test files that need a browser (Ace by DAISY, the foliate-js reader, the
 * preview), Java EPUBCheck or calibre, that pack the package or lay it out
 * as each kind of install does, that run the benchmark, that run an
 * exhaustive check, or that build stress-sized books (a 1 MB paragraph,
 * 2,000 files, 30,000 footnotes; the 6 MB and 26 MB books the signal tests
 * interrupt, again and again, within a second): the slow project. Everything else (transforms, fixtures, the CLI)
 * is the quick project, `npm run test:quick`, the loop to run while working.
 */
const slow = [
  'test/a11y.test.ts',
  'test/bench-smoke.test.ts',
  'test/broken.test.ts',
  'test/broken-size.test.ts',
  'test/calibre.test.ts',
  'test/check.test.ts',
  'test/epubcheck-java.test.ts',
  'test/install-advice.test.ts',
  'test/install.test.ts',
  'test/interrupt.test.ts',
  'test/kill.test.ts',
  'test/language-books-checked.test.ts',
  'test/packed-init.test.ts',
  'test/preview.test.ts',
  'test/reader.test.ts',
  'test/sample-book.test.ts',
  'test/targets.test.ts',
  'test/word-count-exhaustive.test.ts',
]

// `npm run test:quick` is `vitest run --project quick --mode quick`: in mode
// `quick` property tests run a tenth of their cases (test/helpers/runs.ts).
// `npm test` runs every project at the full count.
export default defineConfig(({ mode }) => ({
  test: {
    // Whole books are built, validated and read in real browsers: minutes on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: mode === 'quick' ? { COLOPHON_TEST_DEPTH: 'quick' } : {},
    projects: [
      // The quick files share a worker's loaded modules (isolate: false): loading the sources
      // afresh for each of some fifty files cost about half a CPU second a file (docs/decisions/0041).
      // One worker a core, not vitest's default of one core left to itself: the quick files spend
      // much of their time waiting for the CLI processes they spawn, and on 2 cores the default is one worker.
      // Its own worker count puts it in a group of its own: `npm test` runs the quick project, then the slow one.
      {
        extends: true,
        test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: slow, isolate: false, maxWorkers: availableParallelism(), sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'slow', include: slow, sequence: { groupOrder: 1 } } },
    ],
  },
}))
