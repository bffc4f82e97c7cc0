import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { toPlain } from '../load/yaml-plain.ts'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import * as z from '../zod.ts'
import { CATALOGUE, ruleIdOf, type RuleId } from './catalogue.ts'

/** Its name, in the manuscript folder. */
export const SUPPRESSIONS_FILE = '.colophon-lint.yaml'

/** One accepted finding: rule, file (relative to the manuscript folder), line, and why. */
export interface Suppression {
  rule: RuleId
  file: string
  line: number
  reason: string
  /** Where the entry is in the suppressions file, for the unused-suppression report. */
  at: { line: number; column: number }
}

const entry = z.strictObject({
  rule: z.string().check(z.refine((value: string) => ruleIdOf(value) !== undefined, 'a rule id or name from `colophon lint --rules`')),
  file: z.string().check(z.minLength(1)),
  line: z.number().check(z.int(), z.positive()),
  reason: z.string().check(z.trim(), z.minLength(1, 'a reason: why this finding is right as written')),
})
const schema = z.strictObject({ suppress: z._default(z.array(entry), []) })

/**
 * Read the suppressions file. Problems become fatal L002 messages on `file`
 * at the YAML node they concern (the lint cannot say what it suppresses
 * while its file is wrong).
 */
export function parseSuppressions(file: VFile): Suppression[] {
  const lines = new LineCounter()
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false })
  const place = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(offset)
    return { line, column: col }
  }
  const fail = (reason: string, offset: number): void => {
    const message = file.message(reason, { place: place(offset), ruleId: 'L002', source: 'colophon-lint' })
    message.fatal = true
  }
  for (const error of doc.errors) fail(`Invalid YAML: ${error.message.split('\n')[0]}`, error.pos[0])
  if (doc.errors.length > 0) return []
  const plain = toPlain(doc)
  if ('problem' in plain) {
    fail(plain.problem, plain.offset)
    return []
  }
  const result = schema.safeParse(plain.value ?? {})
  if (!result.success) {
    for (const issue of result.error.issues) {
      const node = nodeAt(doc.contents, issue.path)
      const key = issue.path.join('.') || SUPPRESSIONS_FILE
      const value = isScalar(node) ? ` \`${String(node.value)}\`` : ''
      fail(`Unexpected value${value} at \`${key}\`, expected ${issue.message} (entries: rule, file, line, reason)`, node?.range?.[0] ?? 0)
    }
    return []
  }
  const entries = isMap(doc.contents) ? doc.contents.get('suppress', true) : undefined
  return result.data.suppress.map((item, index) => {
    const node = isSeq(entries) ? (entries.items[index] as YamlNode | undefined) : undefined
    return {
      rule: ruleIdOf(item.rule)!,
      file: item.file.replace(/\\/g, '/').replace(/^\.\//, ''),
      line: item.line,
      reason: item.reason,
      at: place(node?.range?.[0] ?? 0),
    }
  })
}

function nodeAt(node: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let current = node
  for (const key of path) {
    if (isMap(current)) current = current.get(key as string, true)
    else if (isSeq(current)) current = current.items[Number(key)]
    else break
  }
  return current as YamlNode | undefined
}

/**
 * Drop the messages a suppression covers; report every suppression that
 * covered none (L001) on the suppressions file. `relativePath` gives a
 * message's file relative to the manuscript folder.
 */
export function applySuppressions(
  messages: VFileMessage[],
  suppressions: readonly Suppression[],
  suppressionsFile: VFile | undefined,
  relativePath: (message: VFileMessage) => string,
): VFileMessage[] {
  const used = new Set<Suppression>()
  const kept = messages.filter((message) => {
    const match = suppressions.find((item) => item.rule === message.ruleId && item.line === message.line && item.file === relativePath(message))
    if (match) used.add(match)
    return !match
  })
  if (suppressionsFile) {
    for (const item of suppressions) {
      if (used.has(item)) continue
      kept.push(
        suppressionsFile.message(
          `Unexpected unused suppression of ${item.rule} (${CATALOGUE[item.rule].name}) at ${item.file}:${item.line}, expected a finding there; remove the entry`,
          { place: item.at, ruleId: 'L001', source: 'colophon-lint' },
        ),
      )
    }
  }
  return kept
}
