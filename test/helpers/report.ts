/** A message as vfile-reporter prints it, read back from the CLI's standard error. */
export interface Reported {
  file: string
  line?: number
  column?: number
  severity: 'error' | 'warning'
  reason: string
}

const MESSAGE = /^\s*(?:(\d+):(\d+)(?:-\d+:\d+)?)?\s+(error|warning)\s+(.*)$/

/** Parse vfile-reporter output: a file path line, then its messages indented under it. */
export function parseReport(stderr: string): Reported[] {
  const messages: Reported[] = []
  let file = ''
  for (const line of stderr.split('\n')) {
    if (line.trim() === '' || /^[✖⚠]/.test(line) || line.startsWith('colophon:')) continue
    const match = MESSAGE.exec(line)
    if (match && (match[1] !== undefined || /^\s/.test(line))) {
      messages.push({
        file,
        line: match[1] ? Number(match[1]) : undefined,
        column: match[2] ? Number(match[2]) : undefined,
        severity: match[3] as 'error' | 'warning',
        reason: match[4] ?? '',
      })
    } else if (!/^\s/.test(line)) {
      file = line.trim()
    }
  }
  return messages
}

/** A stack frame line, as Node prints them: what no user should see without --debug. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m
