import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { lstatSync, realpathSync } from 'node:fs'
import { chmod, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { BuildCache } from './store.ts'

const FORMAT = 'colophon-cache 3\n'
/** HMAC-SHA-256. */
const SEAL = 32
const KEY_FILE = 'key'

/**
 * The cache's home, outside every manuscript so that committing one never
 * carries a cache with it: `$XDG_CACHE_HOME/colophon`, else
 * `~/.cache/colophon` (docs/decisions/0022-cache-sealed-outside-manuscript.md).
 * Undefined when there is no home to put it in.
 */
export function cacheHome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const xdg = env.XDG_CACHE_HOME
  if (xdg && isAbsolute(xdg)) return join(xdg, 'colophon')
  try {
    const home = homedir()
    return home && isAbsolute(home) ? join(home, '.cache', 'colophon') : undefined
  } catch {
    return undefined
  }
}

/**
 * Where a manuscript's cache lives: one file in the cache's home, named by
 * a hash of the manuscript's real path (every link followed), so two
 * manuscripts never share one and a link to a manuscript finds its cache.
 */
export function cachePath(manuscript: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = cacheHome(env)
  if (!home) return undefined
  let real = resolve(manuscript)
  try {
    real = realpathSync.native(real)
  } catch {
    // A manuscript that is not there: the build says so; the name is only a name.
  }
  return join(home, 'books', `${createHash('sha256').update(real).digest('hex').slice(0, 24)}.bin`)
}

/** What reading the cache gave: the cache (empty on a miss), and a warning when a file was refused. */
export interface ReadCache {
  cache: BuildCache
  warning?: string
}

/**
 * Read a cache file. Its contents are trusted only when sealed with this
 * user's key (HMAC-SHA-256 over them): a file changed since, written by
 * another user or machine, or copied from elsewhere, is a miss with a
 * warning, and the build does the work itself. A missing or outdated file
 * is a plain miss.
 */
export async function readCache(path: string): Promise<ReadCache> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    return { cache: new BuildCache() }
  }
  const head = Buffer.from(FORMAT)
  if (!bytes.subarray(0, head.length).equals(head)) return { cache: new BuildCache() }
  const refused = { cache: new BuildCache(), warning: `the build cache ${path} failed its check (changed, or not written by this user here); it was ignored and will be rebuilt` }
  const key = await userKey(dirname(dirname(path)))
  if (typeof key === 'string') return { cache: new BuildCache(), warning: key }
  const seal = bytes.subarray(head.length, head.length + SEAL)
  const payload = bytes.subarray(head.length + SEAL)
  const expected = createHmac('sha256', key).update(payload).digest()
  if (seal.length !== SEAL || !timingSafeEqual(seal, expected)) return refused
  try {
    return { cache: new BuildCache(deserialize(payload)) }
  } catch {
    return refused
  }
}

/** Write a cache file atomically, sealed with this user's key; a failure to write is not the build's failure. */
export async function writeCache(path: string, cache: BuildCache): Promise<boolean> {
  const folder = dirname(path)
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const key = await userKey(dirname(folder))
    if (typeof key === 'string') return false
    const payload = serialize(cache.data())
    await mkdir(folder, { recursive: true, mode: 0o700 })
    await removeStale(folder)
    await writeFile(temporary, Buffer.concat([Buffer.from(FORMAT), createHmac('sha256', key).update(payload).digest(), payload]), { mode: 0o600 })
    await rename(temporary, path)
    return true
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined)
    return false
  }
}

/**
 * This user's secret for sealing cache files, made on first use: 32 random
 * bytes in `<home>/key`, mode 0600. A key file that is not this user's own
 * plain file, or that others may read, is not used (a string says why).
 */
async function userKey(home: string): Promise<Buffer | string> {
  const path = join(home, KEY_FILE)
  try {
    return await makeOrReadKey(home, path)
  } catch {
    return `the build cache's key ${path} could not be read; the cache is not used`
  }
}

async function makeOrReadKey(home: string, path: string): Promise<Buffer | string> {
  await mkdir(home, { recursive: true, mode: 0o700 }).catch(() => undefined)
  if (!lstatSync(path, { throwIfNoEntry: false })) {
    // Written whole under a private name, then linked into place: a build that starts at the
    // same moment finds either no key or the whole key, and only one key ever wins.
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temporary, randomBytes(32), { mode: 0o600, flag: 'wx' })
      // Whatever the umask: only this user may read it.
      await chmod(temporary, 0o600)
      await link(temporary, path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
    } catch {
      return `the build cache's key ${path} could not be made; the cache is not used`
    } finally {
      await rm(temporary, { force: true }).catch(() => undefined)
    }
  }
  const stats = lstatSync(path)
  const mine = typeof process.getuid !== 'function' || stats.uid === process.getuid()
  if (!stats.isFile() || !mine || (stats.mode & 0o077) !== 0) {
    return `the build cache's key ${path} is not this user's own private file (mode 0600); the cache is not used`
  }
  const key = await readFile(path)
  return key.length >= 32 ? key : `the build cache's key ${path} is too short; the cache is not used`
}

/** Temporary cache files whose writing process is gone (killed mid-write). */
async function removeStale(folder: string): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(/\.bin\.(\d+)\.[0-9a-f]+\.tmp$/.exec(entry)?.[1] ?? NaN)
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(join(folder, entry), { force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
