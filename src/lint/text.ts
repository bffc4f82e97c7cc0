import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { analyse } from './analyse.ts'
import { CATALOGUE } from './catalogue.ts'
import { textRules } from './rules/index.ts'
import { ENGLISH, RULE_LANGUAGES, type LintContext } from './languages.ts'
import { sceneBreakMarkers, type SceneBreakMarker } from './rules/mixed-scene-breaks.ts'
import type { Place, Report } from './types.ts'

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
export function lintText(file: VFile, tree?: Root, context: LintContext = ENGLISH): TextFindings {
  const parsed = analyse(file, tree, context)
  const messages: VFileMessage[] = []
  const before = file.messages.length
  const report = reporter(messages)
  for (const rule of textRules) {
    // A rule for one language's habits does not run on another's (`colophon lint --rules` says which).
    if (!RULE_LANGUAGES[rule.id].applies(context)) continue
    // Past MAX_PER_RULE findings of one rule, the rest are counted, not listed (a garbled file can have thousands).
    let found = 0
    let first: Place | undefined
    rule.check([parsed], (id, where, place, reason) => {
      if (++found <= MAX_PER_RULE) report(id, where, place, reason)
      else first ??= place
    })
    if (first && found > MAX_PER_RULE) {
      const more = found - MAX_PER_RULE
      report(rule.id, file, first, `Unexpected ${more} more finding${more === 1 ? '' : 's'} of ${rule.id} (${CATALOGUE[rule.id].name}) from here on in this file, not listed; expected at most ${MAX_PER_RULE} per rule`)
    }
  }
  file.messages.length = before
  return { messages, markers: sceneBreakMarkers(parsed) }
}

/** Findings of one rule listed per file (or per piece of a long file, see workers/pieces.ts). */
export const MAX_PER_RULE = 100

/** Reports a finding as a lint message (rule id, catalogue name) into `messages`. */
export function reporter(messages: VFileMessage[]): Report {
  return (id, file, place, reason) => {
    const message = file.message(reason, { place, ruleId: id, source: 'colophon-lint' })
    message.url = `colophon lint --rules: ${CATALOGUE[id].name}`
    messages.push(message)
  }
}
