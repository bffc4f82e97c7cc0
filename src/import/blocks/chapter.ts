import type { VFile } from 'vfile'
import type { ImportedChapter } from '../types.ts'
import { isNoteStart } from '../notes.ts'
import { blocksToMarkdown } from './markdown.ts'
import { isOrnament } from './ornament.ts'
import type { Block } from './types.ts'

const INFO = { source: 'colophon-import' } as const
/** How far from a chapter's end an end note may begin (its paragraphs). */
const END_NOTE_REACH = 8

/**
 * A chapter's blocks (its heading already taken off) to its head note,
 * scenes and end note: a note is an `A/N`-led paragraph at the start or from such a paragraph near the end
 * to the end; scenes fall between ornaments and rules. Each guess is a
 * message naming its block. Empty scenes (two ornaments in a row, an
 * ornament at either end) are left out, so a break is only ever between text.
 */
export function assembleChapter(file: VFile, title: string, blocks: readonly Block[]): ImportedChapter {
  let body = [...blocks]
  let headNote: string | undefined
  let endNote: string | undefined
  const first = body[0]
  if (first && isNoteStart(first.text)) {
    // The note is its paragraph: what follows it, up to a break, is as often the chapter's first
    // scene as more of the note, and a scene must never be taken for a note. A break right after it goes.
    const length = 1
    headNote = blocksToMarkdown(body.slice(0, length))
    file.info(`author's note before chapter \`${title}\` (${first.where})`, { ruleId: 'import-note', ...INFO })
    body = body.slice(length)
    if (body[0] && isOrnament(body[0])) body = body.slice(1)
  }
  for (let index = body.length - 1; index >= Math.max(1, body.length - END_NOTE_REACH); index--) {
    const block = body[index] as Block
    if (isOrnament(block)) break
    if (isNoteStart(block.text)) {
      endNote = blocksToMarkdown(body.slice(index))
      file.info(`author's note after chapter \`${title}\` (${block.where})`, { ruleId: 'import-note', ...INFO })
      body = body.slice(0, index)
      break
    }
  }
  const scenes: Block[][] = [[]]
  for (const block of body) {
    if (isOrnament(block)) {
      file.info(`scene break \`${block.rule ? '<hr>' : block.text}\` (${block.where})`, { ruleId: 'import-scene-break', ...INFO })
      scenes.push([])
    } else {
      scenes[scenes.length - 1]?.push(block)
    }
  }
  const texts = scenes.filter((scene) => scene.length > 0).map(blocksToMarkdown)
  if (texts.length === 0) {
    // A chapter that is all note: its text becomes the scene, so that nothing is lost and the chapter builds.
    const only = endNote ?? headNote
    return { title, scenes: [only ?? `${title}\n`] }
  }
  return { title, scenes: texts, ...(headNote ? { headNote } : {}), ...(endNote ? { endNote } : {}) }
}
