import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import type { VFile } from 'vfile'
import { placeOf } from './place.ts'
import { hasForbiddenXmlChars } from './xml-chars.ts'

/** Text that shows nothing: white space and invisible format characters only. */
export function isBlank(text: string): boolean {
  return /^[\p{White_Space}\p{Cf}]*$/u.test(text)
}

/**
 * Read `chapter.yaml`'s `title: "Chapter title"` (other keys are left to
 * whoever reads them). Problems are
 * fatal messages on `file` at their YAML node; returns the title when valid.
 */
export function parseChapterMeta(file: VFile): string | undefined {
  const lines = new LineCounter()
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
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
