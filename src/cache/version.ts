import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { besideCode, fromBundle, packageRoot } from '../root.ts'

let memo: string | undefined

/**
 * What a cached result was made by: colophon's sources (the hash the bundle's
 * manifest names, src/bundle.js, else a hash of src/ here) and the exact dependency versions in
 * package-lock.json. Any change to either makes every cached entry a miss.
 */
export function pipelineVersion(): string {
  if (memo) return memo
  const hash = createHash('sha1')
  if (fromBundle) hash.update((JSON.parse(readFileSync(besideCode('manifest.json', ''), 'utf8')) as { sources: string }).sources)
  else hashSources(join(packageRoot, 'src'), hash)
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(join(packageRoot, name)))
    } catch {
      hash.update(`no ${name}`)
    }
  }
  memo = hash.digest('base64url')
  return memo
}

function hashSources(folder: string, hash: ReturnType<typeof createHash>): void {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'bundled' && !entry.name.startsWith('bundled.')) hashSources(path, hash)
    }
    else if (/\.(ts|js|json)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path))
  }
}
