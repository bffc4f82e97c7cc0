import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import type { Finding, ToolReport } from './types.ts'
import { onPath } from './which.ts'

const run = promisify(execFile)

/** Where Debian's `epubcheck` package puts the jar; `EPUBCHECK_JAR` overrides it. */
const DEBIAN_JAR = '/usr/share/java/epubcheck.jar'

interface JavaMessage {
  ID: string
  severity: string
  message: string
  locations?: Array<{ path?: string; line?: number; column?: number }>
}

/** Java EPUBCheck, the reference validator, when it is installed. */
export async function runEpubcheckJava(path: string, env: Readonly<Record<string, string | undefined>>): Promise<ToolReport> {
  const jar = env.EPUBCHECK_JAR ?? (existsSync(DEBIAN_JAR) ? DEBIAN_JAR : undefined)
  const java = onPath('java', env)
  if (!jar || !java) {
    return { tool: 'epubcheck', ran: false, skipped: 'Java EPUBCheck is not installed (apt-get install epubcheck; elsewhere Java and the jar from github.com/w3c/epubcheck/releases, with EPUBCHECK_JAR=/path/to/epubcheck.jar)', findings: [] }
  }
  const { stdout } = await run(java, ['-jar', jar, '--json', '-', path], { maxBuffer: 64 << 20, env: { ...env } }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  )
  const start = stdout.indexOf('{')
  let report: { messages?: JavaMessage[]; checker?: { checkerVersion?: string } }
  try {
    report = JSON.parse(stdout.slice(start)) as typeof report
  } catch {
    return {
      tool: 'epubcheck',
      ran: true,
      findings: [{ severity: 'error', id: 'epubcheck-output', message: `Unexpected output from Java EPUBCheck: ${stdout.slice(0, 200)}` }],
    }
  }
  const findings: Finding[] = []
  for (const message of report.messages ?? []) {
    const severity = message.severity.toUpperCase()
    if (severity !== 'FATAL' && severity !== 'ERROR' && severity !== 'WARNING') continue
    const at = message.locations?.[0]
    findings.push({
      severity: severity === 'WARNING' ? 'warning' : 'error',
      id: message.ID,
      message: message.message,
      path: at?.path,
      line: at?.line !== undefined && at.line > 0 ? at.line : undefined,
      column: at?.column !== undefined && at.column > 0 ? at.column : undefined,
    })
  }
  return { tool: 'epubcheck', detail: report.checker?.checkerVersion, ran: true, findings }
}
