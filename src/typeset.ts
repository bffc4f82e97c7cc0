import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { createNormaliser, normaliseFile, type NormaliseOptions } from './normalise/index.ts'
import { labelsFor } from './render/labels.ts'
import { toXhtmlFragment } from './render/to-xhtml.ts'
import { toString } from 'mdast-util-to-string'

export interface TypesetOptions extends NormaliseOptions {
  /** Language for the words colophon adds (the scene-break label). */
  language?: string
}

export interface TypesetResult {
  /** The normalised XHTML fragment. */
  xhtml: string
  /** Its plain text: each block's text, blocks separated by a blank line. */
  text: string
  messages: VFileMessage[]
}

/** Normalise one piece of Markdown, as a chapter's scene would be. */
export function typeset(markdown: string | VFile, options: TypesetOptions = {}): TypesetResult {
  const file = typeof markdown === 'string' ? new VFile({ value: markdown }) : markdown
  const { tree } = normaliseFile(file, createNormaliser(options))
  const xhtml = toXhtmlFragment(tree, { sceneBreakLabel: labelsFor(options.language ?? 'en').sceneBreak })
  const text = tree.children.map((node) => (node.type === 'thematicBreak' ? '* * *' : toString(node))).join('\n\n')
  return { xhtml, text, messages: file.messages }
}
