import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temporary files still being written, so an interrupt can remove them. */
const pending = new Set<string>()

/**
 * Write a file so that readers only ever see the old file or the whole new
 * one: write a temporary file in the same folder, then rename it over.
 */
export async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const folder = dirname(path)
  await mkdir(folder, { recursive: true })
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  pending.add(temporary)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } finally {
    pending.delete(temporary)
    await rm(temporary, { force: true })
  }
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

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false)
}
