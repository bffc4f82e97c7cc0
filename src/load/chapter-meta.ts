import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import type { VFile } from 'vfile'
import { placeOf } from './place.ts'
import { hasForbiddenXmlChars } from './xml-chars.ts'

/** Text that shows nothing: white space and invisible format characters only. */
export function isBlank(text: string): boolean {
  return /^[\p{White_Space}\p{Cf}]*$/u.test(text)
}

/**
 * A chapter.yaml that is only `title: "Chapter title"` (or in single
 * quotes), with nothing in the quotes that YAML reads specially: no escape,
 * no quote, no control or line-breaking character. The title is then what
 * the quotes hold. This is how chapter.yaml is written. Parsing each such
 * file with the yaml library took 70 ms of a 1M-word build's 215 chapters,
 * cold. Anything else still goes to the library, and test/chapter-meta.test.ts
 * holds this to what the library reads.
 */
const QUOTED_TITLE =
  /^title: +(?:"([^"\\\x00-\x08\x0A-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]*)"|'([^'\x00-\x08\x0A-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]*)')[ \t]*(?:\n[ \t]*)*$/

/**
 * Read `chapter.yaml`'s `title: "Chapter title"` (other keys are left to
 * whoever reads them). Problems are
 * fatal messages on `file` at their YAML node; returns the title when valid.
 */
export function parseChapterMeta(file: VFile): string | undefined {
  const value = String(file.value)
  const quoted = QUOTED_TITLE.exec(value)
  const simple = quoted?.[1] ?? quoted?.[2]
  // A blank title or one with characters XML forbids is left to the library's path, which says where.
  if (simple !== undefined && !isBlank(simple) && !hasForbiddenXmlChars(simple)) return simple
  const lines = new LineCounter()
  const doc = parseDocument(value, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const fail = (reason: string, range: readonly number[] | undefined): undefined => {
    // With no node to point at (an empty file), point at its start.
    const place = { start: placeOf(lines, range?.[0] ?? 0), end: placeOf(lines, range?.[1] ?? 0) }
    const message = file.message(reason, { place, ruleId: 'chapter-title', source: 'colophon-load' })
    message.fatal = true
    return undefined
  }
  const [error] = doc.errors
  if (error) return fail(`Invalid YAML: ${error.message.split('\n')[0]}`, error.pos)
  const contents = doc.contents
  if (!isMap(contents)) return fail('Unexpected chapter.yaml without `title:`, expected `title: "Chapter title"`', contents?.range)
  const title = contents.get('title', true)
  if (!title) return fail('Unexpected chapter.yaml without `title:`, expected `title: "Chapter title"`', contents.range)
  if (!isScalar(title) || typeof title.value !== 'string') return fail('Unexpected value for `title`, expected text such as `title: "Chapter title"`', title.range ?? undefined)
  if (isBlank(title.value)) return fail('Unexpected blank `title`, expected the chapter\'s title', title.range ?? undefined)
  if (hasForbiddenXmlChars(title.value)) return fail('Unexpected character in `title` that XML does not allow, expected text without control characters', title.range ?? undefined)
  return title.value
}
