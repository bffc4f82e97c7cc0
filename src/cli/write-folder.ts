import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import type { ManuscriptFile } from '../import/manuscript.ts'
import { UsageError } from './index.ts'

export interface WriteFolderOptions {
  /**
   * Write into a folder that holds something already: the top-level entries
   * written, and any of `replaces`, are replaced whole; everything else in
   * it stays (a `.git`, the book's own `templates/`).
   */
  force?: boolean
  /** Top-level names a forced write removes even when it writes none of its own (an old `cover.png`). */
  replaces?: readonly string[]
  /** How the refusal names the command's flag, when there is one (`--force`). */
  forceFlag?: string
  /** More top-level names the folder may hold and still count as empty; they are left as they are. */
  alsoEmpty?: readonly string[]
}

/** Entries a folder may hold and still count as empty: a fresh `git init` leaves `.git`. */
const IGNORED = new Set(['.git'])

/**
 * Write `files` as the folder `out` so that it appears whole or not at all.
 * A new folder is written as a temporary sibling and renamed into place; an
 * existing empty one (or, forced, a full one) gets its entries staged in a
 * temporary folder inside it and each moved into place by a rename, so a
 * failure or an interrupt leaves the folder as it was. A folder that holds
 * anything is refused (a usage error, exit 2) unless `force`.
 */
export async function writeFolder(out: string, files: readonly ManuscriptFile[], options: WriteFolderOptions = {}): Promise<void> {
  const info = await stat(out).catch(() => undefined)
  const shown = relative(process.cwd(), out) || '.'
  if (info && !info.isDirectory()) throw new UsageError(`\`${shown}\` is a file, expected a folder to write into (or a new name)`)
  const held = info ? (await readdir(out)).filter((name) => !IGNORED.has(name) && !options.alsoEmpty?.includes(name)) : []
  if (held.length > 0 && !options.force) {
    const flag = options.forceFlag ? `, or ${options.forceFlag} to replace what it writes` : ''
    throw new UsageError(`\`${shown}\` is not empty (${held.slice(0, 3).join(', ')}${held.length > 3 ? ' …' : ''}), expected a new or empty folder${flag}; nothing was written`)
  }
  const stage = info ? join(out, `.colophon-${randomBytes(6).toString('hex')}.tmp`) : join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`)
  const cleanUp = (): void => rmSync(stage, { recursive: true, force: true })
  const interrupted = (signal: NodeJS.Signals): void => {
    cleanUp()
    process.stderr.write(`colophon: interrupted (${signal}); nothing was written to ${shown}\n`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const root = info ? join(stage, 'new') : stage
    await mkdir(root, { recursive: true })
    for (const file of files) {
      const path = join(root, ...file.path.split('/'))
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, file.data, { flag: 'wx' })
    }
    if (!info) {
      await rename(stage, out)
      return
    }
    const written = await readdir(root)
    const old = join(stage, 'old')
    await mkdir(old)
    const replaced = [...new Set([...written, ...(options.replaces ?? [])])].filter((name) => held.includes(name))
    const moved: string[] = []
    try {
      for (const name of replaced) await rename(join(out, name), join(old, name))
      for (const name of written) {
        await rename(join(root, name), join(out, name))
        moved.push(name)
      }
    } catch (error) {
      // Put the folder back as it was.
      for (const name of moved) await rm(join(out, name), { recursive: true, force: true })
      for (const name of await readdir(old)) await rename(join(old, name), join(out, name))
      throw error
    }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    cleanUp()
  }
}
