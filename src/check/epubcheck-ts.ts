import { EpubCheck } from '@likecoin/epubcheck-ts'
import type { Finding, ToolReport } from './types.ts'

/** The npm port of EPUBCheck 5: always there, no Java needed. */
export async function runEpubcheckTs(bytes: Uint8Array): Promise<ToolReport> {
  const result = await EpubCheck.validate(bytes)
  const findings: Finding[] = []
  for (const message of result.messages) {
    const severity = String(message.severity).toLowerCase()
    if (severity !== 'fatal' && severity !== 'error' && severity !== 'warning') continue
    findings.push({
      severity: severity === 'warning' ? 'warning' : 'error',
      id: message.id,
      message: message.message,
      path: message.location?.path,
      line: message.location?.line,
      column: message.location?.column,
    })
  }
  return { tool: 'epubcheck-ts', ran: true, findings }
}
