import { isSceneBreak } from '../scene-break.ts'
import type { Block } from './types.ts'

/** A DOCX or EPUB block that is a scene break: a rule, or an ornament by the shared rule (`../scene-break.ts`). */
export function isOrnament(block: Block): boolean {
  if (block.rule) return true
  if (block.heading) return false
  // Images or other content with no text are not ornaments.
  if (block.text === '') return false
  return isSceneBreak(block.text, block.centred)
}
