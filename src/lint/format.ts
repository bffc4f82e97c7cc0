import type { VFileMessage } from 'vfile-message'
import { CATALOGUE, ruleIdOf, type RuleId } from './catalogue.ts'
import { RULE_LANGUAGES } from './languages.ts'

/** One finding as plain data: what `--format json` prints, one object per message. */
export interface Finding {
  file: string
  line: number
  column: number
  ruleId: string
  rule: string
  severity: 'warning' | 'error'
  message: string
}

export function toFinding(message: VFileMessage): Finding {
  const id = ruleIdOf(message.ruleId ?? '')
  return {
    file: message.file ?? '',
    line: message.line ?? 1,
    column: message.column ?? 1,
    ruleId: message.ruleId ?? '',
    rule: id ? CATALOGUE[id].name : '',
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
  }
}

export function formatJson(messages: readonly VFileMessage[]): string {
  return JSON.stringify(messages.map(toFinding), null, 2)
}

/** GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`, escaped as the runner expects. */
export function formatGithub(messages: readonly VFileMessage[]): string {
  const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
  return messages
    .map(toFinding)
    .map((finding) => {
      const title = finding.rule ? `${finding.ruleId} ${finding.rule}` : finding.ruleId
      return `::${finding.severity} file=${property(finding.file)},line=${finding.line},col=${finding.column},title=${property(title)}::${data(finding.message)}`
    })
    .join('\n')
}

/** The catalogue as text, for `colophon lint --rules`. */
export function formatCatalogue(): string {
  return Object.entries(CATALOGUE)
    .map(([id, rule]) => `${id}  ${rule.name.padEnd(26)} ${rule.description} Languages: ${RULE_LANGUAGES[id as RuleId].says}.`)
    .join('\n')
}
