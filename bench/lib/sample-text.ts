import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The sample book's prologue, its scenes joined, repeated to at least
 * `target` words (white-space separated): real typography at any size, for
 * the speed scripts.
 */
export function repeatedSample(target: number): string {
  const dir = 'manuscript/chapters/01-prologue'
  const source = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n\n')
  const perCopy = source.split(/\s+/).filter(Boolean).length
  return Array.from({ length: Math.ceil(target / perCopy) }, () => source).join('\n\n')
}
