import { entryText, isXhtml } from '../publication.ts'
import type { Finding, PreflightRule } from './types.ts'

const XML_DECLARATION = /^\uFEFF?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i
const META_CHARSET = /<meta\s[^>]*charset\s*=\s*["']?([\w-]+)/gi

export const utf8Declared: PreflightRule = {
  id: 'utf8-declared',
  summary: 'every XHTML file declares UTF-8 (XML declaration or `<meta charset>`), and none declares another encoding: Amazon’s converter otherwise guesses, and mangles quotes and dashes',
  check({ publication }) {
    const findings: Finding[] = []
    for (const entry of publication.entries.filter((entry) => isXhtml(entry.path))) {
      const text = entryText(entry)
      const declared = [XML_DECLARATION.exec(text)?.[1], ...[...text.matchAll(META_CHARSET)].map((match) => match[1])].filter(
        (value): value is string => Boolean(value),
      )
      const other = declared.find((value) => value.toLowerCase() !== 'utf-8')
      if (other) findings.push({ path: entry.path, reason: `Unexpected encoding \`${other}\`, expected \`utf-8\`` })
      else if (declared.length === 0) {
        findings.push({ path: entry.path, reason: 'Unexpected XHTML file without a declared encoding, expected `<?xml version="1.0" encoding="utf-8"?>` or `<meta charset="utf-8"/>`' })
      }
    }
    return findings
  },
}
