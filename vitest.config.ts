import { defineConfig } from 'vitest/config'

/**
 * Test files that need a browser (Ace by DAISY, the foliate-js reader, the
 * preview), Java EPUBCheck or calibre, that install the packed package, or
 * that run the benchmark: the slow
 * project. Everything else (transforms, fixtures, the CLI) is the quick
 * project, `npm run test:quick`, the loop to run while working.
 */
const slow = [
  'test/a11y.test.ts',
  'test/bench-smoke.test.ts',
  'test/broken.test.ts',
  'test/calibre.test.ts',
  'test/check.test.ts',
  'test/epubcheck-java.test.ts',
  'test/install.test.ts',
  'test/language-books-checked.test.ts',
  'test/packed-init.test.ts',
  'test/preview.test.ts',
  'test/reader.test.ts',
  'test/sample-book.test.ts',
  'test/targets.test.ts',
]

export default defineConfig({
  test: {
    // Whole books are built, validated and read in real browsers: minutes on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: slow } },
      { extends: true, test: { name: 'slow', include: slow } },
    ],
  },
})
