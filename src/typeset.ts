import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { createNormaliser, normaliseFile, type NormaliseOptions } from './normalise/index.ts'
import { labelsFor } from './render/labels.ts'
import { toXhtmlFragment } from './render/to-xhtml.ts'
import { plainText } from './normalise/plain-text.ts'

export interface TypesetOptions extends NormaliseOptions {
  /** Language for the words colophon adds (the scene-break label). */
  language?: string
}

export interface TypesetResult {
  /** The normalised XHTML fragment. */
  xhtml: string
  /** Its plain text: each paragraph's text, paragraphs separated by a blank line, hard breaks as line ends. */
  text: string
  messages: VFileMessage[]
}

/** Normalise one piece of Markdown, as a chapter's scene would be. */
export function typeset(markdown: string | VFile, options: TypesetOptions = {}): TypesetResult {
  const file = typeof markdown === 'string' ? new VFile({ value: markdown }) : markdown
  const { tree } = normaliseFile(file, createNormaliser(options))
  const xhtml = toXhtmlFragment(tree, { sceneBreakLabel: labelsFor(options.language ?? 'en').sceneBreak })
  return { xhtml, text: plainText(tree), messages: file.messages }
}
