import type { LintRule } from '../types.ts'

const DOUBLES = /[“”]/g

/**
 * Double quotes that do not pair up in a paragraph, once curled. A
 * paragraph that leaves a quotation open is fine when the next one opens
 * with `“`: that is how a speech running over paragraphs is set.
 */
export const unmatchedQuote: LintRule = {
  id: 'T003',
  check(files, report) {
    for (const { file, blocks } of files) {
      blocks.forEach((block, index) => {
        const { curled } = block
        if (!curled.includes('“') && !curled.includes('”')) return
        const open: number[] = []
        for (const { index: at } of curled.matchAll(DOUBLES)) {
          const character = curled[at]
          if (character === '“') open.push(at)
          else if (character === '”') {
            if (open.length > 0) open.pop()
            else report('T003', file, block.placeOf(at), 'Unexpected closing `”` with no opening `“` before it in the paragraph, expected a matching `“`')
          }
        }
        if (open.length === 0) return
        const next = blocks[index + 1]
        if (next && next.curled.trimStart().startsWith('“')) return
        report('T003', file, block.placeOf(open[0]!), 'Unexpected opening `“` never closed in the paragraph, expected a closing `”` (or the next paragraph to open with `“`)')
      })
    }
  },
}
