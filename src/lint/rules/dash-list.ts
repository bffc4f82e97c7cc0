import type { LintRule } from '../types.ts'

/** A line opened by `-` or `--` and a space: dialogue in these books, but several in one paragraph read as a list. */
const DASH_LINE = /^-{1,2}[ \t]+\S/

/**
 * In a book whose dialogue opens with a dash, `- ` starts a line of
 * dialogue, not a list item. Two or more such lines in one paragraph (no
 * blank line between them) are most likely a list typed the usual way, or
 * lines of dialogue that will run together: either way the writer must say.
 */
export const dashList: LintRule = {
  id: 'T009',
  check(files, report) {
    for (const { file, blocks } of files) {
      for (const block of blocks) {
        const { source } = block
        if (!source.includes('\n-') || !DASH_LINE.test(source)) continue
        let lines = 0
        let second = -1
        let at = 0
        for (const line of source.split('\n')) {
          if (DASH_LINE.test(line) && ++lines === 2) second = at
          at += line.length + 1
        }
        if (lines < 2) continue
        report(
          'T009',
          file,
          block.placeOf(second),
          'Unexpected lines opened by `-` in one paragraph of a book whose dialogue opens with a dash, expected a list typed with `*` or `+` (or a blank line between lines of dialogue, or `dialogue-dashes: false` in book.yaml)',
        )
      }
    }
  },
}
