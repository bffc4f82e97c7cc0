import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { packageRoot } from '../root.ts'
import type { Finding, ToolReport } from './types.ts'
import { installKind, npmAdvice } from './install-advice.ts'
import { onPath } from './which.ts'

const run = promisify(execFile)

/** Ace by DAISY's report: one assertion per document, each with the rules it broke. */
export interface AceReport {
  assertions?: Array<{
    'earl:testSubject'?: { url?: string }
    assertions?: Array<{
      'earl:test': { 'dct:title': string; 'earl:impact'?: string; help?: { 'dct:description'?: string } }
      'earl:result': { 'earl:outcome': string; 'dct:description'?: string }
    }>
  }>
}

/** Browsers Ace can drive, Debian's first; it never downloads one. */
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome']

/**
 * Ace's script: beside colophon (a dependency of the same project, the
 * same npx run, or a global install next to a global colophon), else the
 * `ace` program on PATH (installed globally, whatever installed colophon).
 */
function aceScript(env: Readonly<Record<string, string | undefined>>): string | undefined {
  try {
    return createRequire(join(packageRoot, 'package.json')).resolve('@daisy/ace-cli/bin/ace.js')
  } catch {
    return onPath('ace', env)
  }
}

/**
 * Ace by DAISY (npm `@daisy/ace-cli`), when it and a Chromium are installed.
 * Critical and serious violations are errors; moderate and minor ones warnings.
 */
export async function runAce(path: string, env: Readonly<Record<string, string | undefined>>): Promise<ToolReport> {
  const script = aceScript(env)
  if (!script) {
    const advice = npmAdvice('@daisy/ace-cli', installKind(packageRoot), { env: 'PUPPETEER_SKIP_DOWNLOAD=1' })
    return { tool: 'ace', ran: false, skipped: `Ace by DAISY is not installed (${advice})`, findings: [] }
  }
  const browser =
    env.PUPPETEER_EXECUTABLE_PATH && existsSync(env.PUPPETEER_EXECUTABLE_PATH)
      ? env.PUPPETEER_EXECUTABLE_PATH
      : BROWSERS.map((name) => onPath(name, env)).find(Boolean)
  if (!browser) {
    return { tool: 'ace', ran: false, skipped: 'Ace needs Chromium, which is not installed (apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium)', findings: [] }
  }
  const out = await mkdtemp(join(tmpdir(), 'colophon-ace-'))
  try {
    let failure: string | undefined
    // Not --silent: when Ace cannot open a book, its log's `error:` lines say why.
    await run(process.execPath, [script, '--force', '--outdir', out, path], {
      env: { ...env, PUPPETEER_EXECUTABLE_PATH: browser, PUPPETEER_SKIP_DOWNLOAD: '1' },
      maxBuffer: 64 << 20,
    }).catch((error: { stderr?: string; stdout?: string }) => {
      failure = `${error.stderr ?? ''}\n${error.stdout ?? ''}`.trim()
    })
    if (!existsSync(join(out, 'report.json'))) {
      // Ace stops on a book it cannot open (a missing or malformed document): that is an error of the book.
      const lines = (failure ?? '').split('\n').map((line) => line.replace(/\u001b\[\d+m/g, '').trim())
      const reason = lines.find((line) => /^error:/i.test(line))?.replace(/^error:\s*/i, '') ?? 'no report'
      return { tool: 'ace', ran: true, findings: [{ severity: 'error', id: 'ace-failed', message: `Ace by DAISY could not check the book: ${reason}` }] }
    }
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AceReport
    return { tool: 'ace', ran: true, findings: findingsOf(report) }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

/** Ace's failed assertions as findings (exported for the test that checks many books in one browser). */
export function findingsOf(report: AceReport): Finding[] {
  const findings: Finding[] = []
  for (const document of report.assertions ?? []) {
    for (const assertion of document.assertions ?? []) {
      if (assertion['earl:result']['earl:outcome'] !== 'fail') continue
      const impact = assertion['earl:test']['earl:impact'] ?? 'serious'
      findings.push({
        severity: impact === 'critical' || impact === 'serious' ? 'error' : 'warning',
        id: assertion['earl:test']['dct:title'],
        message: `${impact}: ${assertion['earl:result']['dct:description'] ?? assertion['earl:test'].help?.['dct:description'] ?? ''}`.trim(),
        path: document['earl:testSubject']?.url?.replace(/^\//, ''),
      })
    }
  }
  return findings
}
