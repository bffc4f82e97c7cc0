import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { BuildCache, type CacheData } from './store.ts'

/** The cache folder's name; git-ignored, and always safe to delete. */
export const CACHE_FOLDER = '.colophon-cache'
const FORMAT = 'colophon-cache 2\n'
const DIGEST = 20

/**
 * Where a manuscript's cache lives: `.colophon-cache/` next to the
 * manuscript folder (in the project folder for `./manuscript`), one file per
 * manuscript, named after it.
 */
export function cachePath(manuscript: string): string {
  const root = resolve(manuscript)
  const tag = createHash('sha1').update(root).digest('hex').slice(0, 8)
  return join(dirname(root), CACHE_FOLDER, `${basename(root) || 'manuscript'}-${tag}.bin`)
}

/**
 * Read a cache file. A missing, truncated, corrupted or outdated file gives
 * an empty cache: the build then does the work itself.
 */
export async function readCache(path: string): Promise<BuildCache> {
  try {
    const bytes = await readFile(path)
    const head = Buffer.from(FORMAT)
    if (!bytes.subarray(0, head.length).equals(head)) return new BuildCache()
    const digest = bytes.subarray(head.length, head.length + DIGEST)
    const payload = bytes.subarray(head.length + DIGEST)
    if (!createHash('sha1').update(payload).digest().equals(digest)) return new BuildCache()
    return new BuildCache(deserialize(payload) as CacheData)
  } catch {
    return new BuildCache()
  }
}

/** Write a cache file atomically; a failure to write is not the build's failure. */
export async function writeCache(path: string, cache: BuildCache): Promise<boolean> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const payload = serialize(cache.data())
    await mkdir(dirname(path), { recursive: true })
    await writeFile(temporary, Buffer.concat([Buffer.from(FORMAT), createHash('sha1').update(payload).digest(), payload]))
    await rename(temporary, path)
    return true
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined)
    return false
  }
}
