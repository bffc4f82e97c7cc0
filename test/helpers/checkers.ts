import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { findingsOf, type AceReport } from '../../src/check/ace.ts'
import type { Finding } from '../../src/check/types.ts'
import { ROOT } from './cli.ts'
import { EPUBCHECK_JAR, type CheckReport } from './epub.ts'
import { CHROMIUM } from './reader.ts'

const run = promisify(execFile)

/**
 * Java EPUBCheck over many books in one JVM (test/helpers/EpubcheckMany.java,
 * run from source by `java`): starting Java is most of what a small book
 * costs on a shared machine. By path, each book's counts and messages.
 */
export async function epubcheckJavaMany(paths: readonly string[]): Promise<Map<string, CheckReport>> {
  const { stdout } = await run('java', ['-cp', EPUBCHECK_JAR, join(ROOT, 'test/helpers/EpubcheckMany.java'), ...paths], { maxBuffer: 64 << 20 })
  const reports = new Map<string, CheckReport>()
  let current: CheckReport | undefined
  for (const line of stdout.split('\n')) {
    const book = /^BOOK (\d+) (\d+) (\d+) (.+)$/.exec(line)
    if (book) {
      current = { errors: Number(book[1]) + Number(book[2]), warnings: Number(book[3]), messages: [] }
      reports.set(book[4]!, current)
    } else if (current && /^(FATAL|ERROR|WARNING)/.test(line)) current.messages.push(line)
  }
  for (const path of paths) if (!reports.has(path)) throw new Error(`EPUBCheck said nothing of ${path}:\n${stdout}`)
  return reports
}

interface AxeRunner {
  concurrency: number
  launch(): Promise<void>
  close(): Promise<void>
}
type AceCore = (path: string, options: Record<string, unknown>, runner: AxeRunner) => Promise<[unknown, AceReport]>

/**
 * Ace by DAISY over many books with one headless Chromium (Debian's): the
 * ace-core library `ace` CLI is a wrapper of, given an axe runner whose
 * launch opens the browser once and whose close leaves it open until all
 * books are checked. By path, each book's findings as `colophon check`
 * words them (src/check/ace.ts).
 */
export async function aceMany(paths: readonly string[]): Promise<Map<string, Finding[]>> {
  // Puppeteer reads where its browser is when it is loaded; it never downloads one here.
  process.env['PUPPETEER_EXECUTABLE_PATH'] = CHROMIUM
  process.env['PUPPETEER_SKIP_DOWNLOAD'] = '1'
  const fromAce = createRequire(createRequire(join(ROOT, 'package.json')).resolve('@daisy/ace-cli/package.json'))
  const ace = fromAce('@daisy/ace-core') as AceCore
  const puppeteerRunner = fromAce('@daisy/ace-axe-runner-puppeteer') as AxeRunner
  let launched = false
  const shared: AxeRunner = {
    ...puppeteerRunner,
    async launch() {
      if (!launched) await puppeteerRunner.launch()
      launched = true
    },
    async close() {},
  }
  const findings = new Map<string, Finding[]>()
  const out = await mkdtemp(join(tmpdir(), 'colophon-ace-many-'))
  try {
    for (const [index, path] of paths.entries()) {
      const [, report] = await ace(path, { cwd: ROOT, outdir: join(out, String(index)), lang: 'en', initLogger: true, silent: true }, shared)
      findings.set(path, findingsOf(report))
    }
  } finally {
    if (launched) await puppeteerRunner.close()
    await rm(out, { recursive: true, force: true })
  }
  return findings
}
