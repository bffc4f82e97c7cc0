import { realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, parse, sep } from 'node:path'

/**
 * Where a write to `given` really lands: each part of the path resolved
 * as the system will resolve it, links followed and `..` taken from the
 * folder a link led to (not cut from the text, as `path.resolve` does:
 * `link/../book.epub` is next to the link's target). Parts that do not
 * exist yet are the folders the write will make.
 */
export function physicalPath(given: string, cwd = process.cwd()): string {
  const absolute = isAbsolute(given) ? given : `${cwd}${sep}${given}`
  const { root } = parse(absolute)
  let current = realpathSync.native(root)
  let exists = true
  for (const part of absolute.slice(root.length).split(/[\\/]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      // `current` is a real folder (or one the write will make): its parent is the real parent.
      current = dirname(current)
      continue
    }
    const next = join(current, part)
    if (!exists) {
      current = next
      continue
    }
    try {
      current = realpathSync.native(next)
    } catch {
      // Missing (or a link to nothing, which the write replaces): from here on the path is made, not found.
      exists = false
      current = next
    }
  }
  return current
}

/**
 * Whether `path` (a physical path) is the folder `folder` or lies under
 * it. Told by the identity of each folder above the path that exists
 * (device and inode), not by comparing text, so a folder reached through
 * a link, another case of its name on a case-insensitive disk, or a bind
 * mount is still the manuscript.
 */
export function isWithin(path: string, folder: string): boolean {
  let target: { dev: number; ino: number }
  try {
    target = statSync(folder)
  } catch {
    return false
  }
  for (let at = path; ; at = dirname(at)) {
    const here = statOf(at)
    if (here && here.dev === target.dev && here.ino === target.ino) return true
    if (dirname(at) === at) return false
  }
}

/** What a stat says of `path`, or undefined for a path that is not there (or runs through a file). */
function statOf(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch {
    return undefined
  }
}
