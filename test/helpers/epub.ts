import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { EpubCheck } from '@likecoin/epubcheck-ts'
import JSZip from 'jszip'

const run = promisify(execFile)

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar'
export const hasJavaEpubcheck = existsSync(EPUBCHECK_JAR)

export interface CheckReport {
  errors: number
  warnings: number
  messages: string[]
}

/** Validate with the npm port of EPUBCheck 5 (no Java needed). */
export async function epubcheckTs(bytes: Uint8Array): Promise<CheckReport> {
  const result = await EpubCheck.validate(bytes)
  return {
    errors: result.fatalCount + result.errorCount,
    warnings: result.warningCount,
    messages: result.messages
      .filter((message) => ['fatal', 'error', 'warning'].includes(String(message.severity).toLowerCase()))
      .map((message) => `${message.severity} ${message.id} ${message.location?.path ?? ''}: ${message.message}`),
  }
}

/** Validate with Java EPUBCheck (Debian package `epubcheck`). */
export async function epubcheckJava(bytes: Uint8Array): Promise<CheckReport> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-check-'))
  const path = join(folder, 'book.epub')
  await writeFile(path, bytes)
  const { stdout, stderr } = await run('java', ['-jar', EPUBCHECK_JAR, path], { maxBuffer: 16 << 20 }).catch(
    (error: { stdout: string; stderr: string }) => error,
  )
  const lines = `${stdout}\n${stderr}`.split('\n')
  const summary = lines.find((line) => /^Messages: /.test(line)) ?? ''
  const numbers = /(\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(summary)
  if (!numbers) throw new Error(`Unexpected EPUBCheck output:\n${stdout}\n${stderr}`)
  return {
    errors: Number(numbers[1]) + Number(numbers[2]),
    warnings: Number(numbers[3]),
    messages: lines.filter((line) => /^(FATAL|ERROR|WARNING)/.test(line)),
  }
}

export async function openEpub(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes)
}

export async function entryText(zip: JSZip, path: string): Promise<string> {
  const entry = zip.file(path)
  if (!entry) throw new Error(`No ${path} in the EPUB`)
  return entry.async('string')
}

/** Letters-and-digits word tokens: what "not one word lost" compares. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Visible text of an XHTML document's body, tags removed and entities decoded. */
export function bodyText(xhtml: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(xhtml)?.[1] ?? ''
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
