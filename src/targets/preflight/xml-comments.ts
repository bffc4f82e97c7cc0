import { entryText } from '../publication.ts'
import type { Finding, PreflightRule } from './types.ts'

const XML_FILE = /\.(?:xhtml|html|opf|ncx|xml|svg)$/
const COMMENT = /<!--([\s\S]*?)-->/g

export const xmlComments: PreflightRule = {
  id: 'xml-comments',
  summary: 'no XML comment contains `--` (or ends in `-`): XML forbids it and Amazon’s parser fails on the whole file',
  check({ publication }) {
    const findings: Finding[] = []
    for (const entry of publication.entries.filter((entry) => XML_FILE.test(entry.path))) {
      const text = entryText(entry)
      for (const match of text.matchAll(COMMENT)) {
        const body = match[1] ?? ''
        if (body.includes('--') || body.endsWith('-')) {
          findings.push({ path: entry.path, reason: 'Unexpected `--` inside an XML comment, expected a comment without double hyphens (or no comment)', offset: match.index })
        }
      }
    }
    return findings
  },
}
