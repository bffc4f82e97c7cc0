import type { CheckReport, Finding, ToolReport } from './types.ts'

const NAMES: Record<ToolReport['tool'], string> = {
  colophon: 'colophon (OCF, well-formed XML, manifest and references)',
  'epubcheck-ts': 'epubcheck-ts',
  epubcheck: 'Java EPUBCheck',
  ace: 'Ace by DAISY',
}

/** One plain-text report for all checkers: a line per checker, then its findings. */
export function formatReport(report: CheckReport): string {
  const lines = [`${report.file}`]
  for (const tool of report.tools) {
    const name = `${NAMES[tool.tool]}${tool.detail ? ` ${tool.detail}` : ''}`
    if (!tool.ran) {
      lines.push(`  ${name}: skipped, ${tool.skipped ?? 'not installed'}`)
      continue
    }
    const errors = tool.findings.filter((finding) => finding.severity === 'error').length
    const warnings = tool.findings.length - errors
    lines.push(`  ${name}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`)
    for (const finding of tool.findings) lines.push(`    ${describe(finding)}`)
  }
  lines.push(`${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}`)
  return lines.join('\n')
}

function describe(finding: Finding): string {
  const where = finding.path ? `${finding.path}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''} ` : ''
  return `${where}${finding.severity} ${finding.message.replace(/\s+/g, ' ').trim()} (${finding.id})`
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
