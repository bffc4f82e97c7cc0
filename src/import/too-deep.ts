import type { VFile } from 'vfile'
import { BookError } from '../errors.ts'
import { htmlTooDeep, MAX_NESTING } from '../normalise/parse/nesting.ts'
import { tooDeepToParse } from '../normalise/parse/too-deep-to-parse.ts'

/**
 * A story file is refused, with the place where it goes too deep, before a
 * reader parses it: the limits the build applies to every text (nesting.ts,
 * emphasis-depth.ts), checked first here because micromark and the
 * recursive walks of the import (mdast-util-to-string, unist-util-visit,
 * hast-util-to-mdast) would take minutes or overflow the stack on a text
 * the build would refuse anyway (decision 0044).
 */
export function refuseDeepMarkdown(text: string, file: VFile): void {
  const deep = tooDeepToParse(text, 'file')
  if (deep) refuse(file, deep.reason, deep.place)
}

/** The same for an HTML page: its elements, as written (parse5 and hast-util-to-mdast would take minutes on 100,000 nested `<em>`). */
export function refuseDeepHtml(html: string, file: VFile, within?: string): void {
  const deep = htmlTooDeep(html)
  if (!deep) return
  // A document inside a package (an EPUB's chapter) is named, its line and column are its own.
  const where = within ? ` in \`${within}\` at ${deep.place.line}:${deep.place.column}` : ''
  refuse(file, `Unexpected nesting of HTML elements ${deep.depth} levels deep${where}, expected at most ${MAX_NESTING} levels; the ${within ? 'book' : 'page'} is left unread`, within ? { line: 1, column: 1 } : deep.place)
}

function refuse(file: VFile, reason: string, place: { line: number; column: number; offset?: number }): never {
  const message = file.message(reason, { place, ruleId: 'nesting-depth', source: 'colophon-import' })
  message.fatal = true
  throw new BookError([message])
}
