import { readFile } from 'node:fs/promises'
import { verifyEpub } from '../verify/index.ts'
import { runAce } from './ace.ts'
import { runEpubcheckJava } from './epubcheck-java.ts'
import { runEpubcheckTs } from './epubcheck-ts.ts'
import type { CheckReport, Finding, ToolReport } from './types.ts'

export type { CheckReport, Finding, ToolReport } from './types.ts'
export { formatReport } from './report.ts'

export interface CheckOptions {
  /** Environment to find Java, EPUBCheck, Ace and Chromium in; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * Check an EPUB file with every checker there is here: colophon's own OCF
 * and XML rules and epubcheck-ts always; Java EPUBCheck and Ace by DAISY
 * when installed (the report says when they are not). One after the other:
 * each is heavy, and the machine may be small.
 */
export async function checkEpub(path: string, options: CheckOptions = {}): Promise<CheckReport> {
  const env = options.env ?? process.env
  const bytes = new Uint8Array(await readFile(path))
  const tools: ToolReport[] = [await runColophon(bytes, path)]
  // A file that is not even a zip gives the other checkers nothing to say.
  const unreadable = tools[0]?.findings.some((finding) => finding.id === 'zip')
  if (!unreadable) {
    tools.push(await runEpubcheckTs(bytes))
    tools.push(await runEpubcheckJava(path, env))
    tools.push(await runAce(path, env))
  }
  const all = tools.flatMap((tool) => tool.findings)
  return {
    file: path,
    tools,
    errors: all.filter((finding) => finding.severity === 'error').length,
    warnings: all.filter((finding) => finding.severity === 'warning').length,
  }
}

async function runColophon(bytes: Uint8Array, path: string): Promise<ToolReport> {
  let findings: Finding[]
  try {
    findings = (await verifyEpub(bytes, path)).map((message) => ({
      severity: 'error',
      id: message.ruleId ?? 'verify',
      message: message.reason,
      path: (message.file ?? '').slice(path.length + 1) || undefined,
      line: message.line,
      column: message.column,
    }))
  } catch (error) {
    findings = [{ severity: 'error', id: 'zip', message: `Unexpected file that is not a zip: ${error instanceof Error ? error.message : String(error)}` }]
  }
  return { tool: 'colophon', ran: true, findings }
}
