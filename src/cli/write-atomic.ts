import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temporary files still being written, so an interrupt can remove them. */
const pending = new Set<string>()
/** Targets this process has replaced: an interrupt after the rename must not claim the old file stayed. */
const committed = new Set<string>()

/**
 * Write a file so that readers only ever see the old file or the whole new
 * one: write a temporary file in the same folder (same file system, so the
 * rename is atomic), flush it to disk, then rename it over the target.
 * Temporary files left by a build that was killed outright (SIGKILL, power
 * loss) are removed by the next write to the same target.
 */
export async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, { recursive: true })
  await removeStale(folder, basename(path))
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  pending.add(temporary)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    // An interrupt may have abandoned this write while it was flushed.
    if (!pending.has(temporary)) throw new Error('Unexpected write abandoned on an interrupt, expected it to finish')
    await rename(temporary, path)
    // Synchronously after the rename, so no signal handler runs in between.
    pending.delete(temporary)
    committed.add(path)
  } catch (error) {
    pending.delete(temporary)
    await rm(temporary, { force: true })
    throw error
  }
}

/** Files this process has already replaced, whole. */
export function committedWrites(): string[] {
  return [...committed]
}

/** Remove temporary files of writes still under way (on SIGINT/SIGTERM). */
export function abandonWrites(): void {
  for (const temporary of pending) {
    // Synchronous on purpose: the process is about to exit.
    rmSync(temporary, { force: true })
  }
  pending.clear()
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false)
}

/** Temporary files for `name` whose writing process is gone. */
async function removeStale(folder: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`)
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(pattern.exec(entry)?.[1] ?? NaN)
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(folder, entry), { force: true })
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false)
}
