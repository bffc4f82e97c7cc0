import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { createNormaliser, normaliseFile, type NormaliseOptions } from './normalise/index.ts'
import { labelsFor } from './render/labels.ts'
import { toXhtmlFragment } from './render/to-xhtml.ts'
import { plainText } from './normalise/plain-text.ts'
import { neutralWarning, resolveLanguage } from './normalise/typography/languages/resolve.ts'

export interface TypesetOptions extends NormaliseOptions {
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
  const language = options.language ?? 'en'
  if (!resolveLanguage(language).known) file.message(neutralWarning(language), { ruleId: 'typography-language', source: 'colophon-typography' })
  const xhtml = toXhtmlFragment(tree, { sceneBreakLabel: labelsFor(options.language ?? 'en').sceneBreak })
  return { xhtml, text: plainText(tree), messages: file.messages }
}
