import { join } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { displayPath } from './read-text.ts'
import { checkTemplate, partialCycles } from './template-check.ts'

/**
 * Check the templates a manuscript brings of its own (`own`, as
 * `loadTemplates` read them from `templates/`), as
 * its prose is checked (template-check.ts), and for partials that include
 * themselves. Errors are fatal messages at the template's
 * line and column; an SVG template's removed DOCTYPE is a warning, and the
 * cleaned text replaces the template's in `templates`.
 */
export function checkOwnTemplates(root: string, cwd: string, templates: Map<string, string>, own: ReadonlyMap<string, string>): { problems: VFileMessage[]; warnings: VFileMessage[] } {
  const problems: VFileMessage[] = []
  const warnings: VFileMessage[] = []
  const fileOf = (name: string): VFile => new VFile({ path: displayPath(join(root, 'templates', name), cwd), cwd })
  for (const [name, text] of templates) {
    if (!own.has(name)) continue
    const checked = checkTemplate(name, text)
    const file = fileOf(name)
    for (const finding of checked.findings) {
      const message = file.message(finding.reason, { place: finding.place, ruleId: 'template-content', source: 'colophon-templates' })
      if (finding.severity === 'error') {
        message.fatal = true
        problems.push(message)
      } else {
        warnings.push(message)
      }
    }
    if (checked.text !== text) templates.set(name, checked.text)
  }
  // colophon's own templates include no partials (test/verify-safety.test.ts holds them to it), so a cycle
  // runs through the book's own alone: only they are parsed for partials, none in a book without any.
  const ownTexts = new Map([...templates].filter(([name]) => own.has(name)))
  for (const { name, cycle, place } of partialCycles(ownTexts)) {
    const message = fileOf(name).message(
      `Unexpected partial that includes itself (${cycle.map((entry) => `\`${entry}\``).join(' → ')}), expected partials that end: Mustache would include them for ever`,
      { place, ruleId: 'template-partial', source: 'colophon-templates' },
    )
    message.fatal = true
    problems.push(message)
  }
  return { problems, warnings }
}
