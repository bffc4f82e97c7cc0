import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { titleFromName } from '../load/order.ts'

/**
 * The title of a book whose source names none: its file's name as the
 * loader reads a folder's (`the-keeper.md` → `The keeper`), with a message
 * saying so. One rule for every reader, so a story reads the same title
 * whatever format it came in.
 */
export function titleOfFile(file: VFile, where: string, place?: Point): string {
  const title = titleFromName(file.stem ?? '') || 'Untitled'
  file.info(`title \`${title}\` from the file name, as ${where} names none`, { place, ruleId: 'import-title', source: 'colophon-import' })
  return title
}
