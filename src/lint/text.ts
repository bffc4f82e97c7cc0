import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { analyse } from './analyse.ts'
import { CATALOGUE } from './catalogue.ts'
import { textRules } from './rules/index.ts'
import { sceneBreakMarkers, type SceneBreakMarker } from './rules/mixed-scene-breaks.ts'
import type { Report } from './types.ts'

/** What the lint finds in one file: its findings, and its scene-break markers for the book-wide rule T008. */
export interface TextFindings {
  messages: VFileMessage[]
  markers: SceneBreakMarker[]
}

/**
 * Lint one Markdown file, from its tree as parsed (scene breaks found,
 * before typography) when given: every rule that reads a file alone. A
 * build runs this as it typesets each text, on whichever thread does, so
 * the book is read and parsed once. The findings are not left on the file.
 */
export function lintText(file: VFile, tree?: Root): TextFindings {
  const parsed = analyse(file, tree)
  const messages: VFileMessage[] = []
  const before = file.messages.length
  const report = reporter(messages)
  for (const rule of textRules) rule.check([parsed], report)
  file.messages.length = before
  return { messages, markers: sceneBreakMarkers(parsed) }
}

/** Reports a finding as a lint message (rule id, catalogue name) into `messages`. */
export function reporter(messages: VFileMessage[]): Report {
  return (id, file, place, reason) => {
    const message = file.message(reason, { place, ruleId: id, source: 'colophon-lint' })
    message.url = `colophon lint --rules: ${CATALOGUE[id].name}`
    messages.push(message)
  }
}
