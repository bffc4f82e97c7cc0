import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import { inOutputFolder } from '../load/output-folder.ts'

/** Files editors write beside the real one while saving: not a change to the book. */
const SCRATCH = /^(?:\..*\.sw[a-p]|.*~|\.#.*|#.*#|.*\.tmp|4913)$/

export interface Watcher {
  close(): void
}

/**
 * Call `onChange` once a burst of saves in `folder` (recursively) has been
 * quiet for `debounceMs`: editors save in several writes, and one rebuild
 * per save is what the writer wants.
 */
export function watchManuscript(folder: string, onChange: (paths: string[]) => void, debounceMs = 80): Watcher {
  let timer: NodeJS.Timeout | undefined
  let changed = new Set<string>()
  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event, name) => {
    const path = name ? String(name) : ''
    if (path && (SCRATCH.test(basename(path)) || inOutputFolder(path))) return
    changed.add(path)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const paths = [...changed].sort()
      changed = new Set()
      onChange(paths)
    }, debounceMs)
  })
  // A folder that disappears mid-edit is reported by the next build.
  watcher.on('error', () => undefined)
  return {
    close() {
      clearTimeout(timer)
      watcher.close()
    },
  }
}

/**
 * Call `onChange` once saves of the one file `path` have been quiet for
 * `debounceMs`. Its folder is watched, not the file: editors that save by
 * writing a new file and renaming it over the old one would end a watch on
 * the file itself after the first save. The folder is not watched
 * recursively: it may be any folder at all (a home folder), and only this
 * file matters.
 */
export function watchFile(path: string, onChange: () => void, debounceMs = 80): Watcher {
  let timer: NodeJS.Timeout | undefined
  const name = basename(path)
  const watcher: FSWatcher = watch(dirname(path), (_event, changed) => {
    // No name given (some platforms): it may have been this file.
    if (changed && String(changed) !== name) return
    clearTimeout(timer)
    timer = setTimeout(onChange, debounceMs)
  })
  watcher.on('error', () => undefined)
  return {
    close() {
      clearTimeout(timer)
      watcher.close()
    },
  }
}
