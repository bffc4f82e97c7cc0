import { watch, type FSWatcher } from 'node:fs'
import { basename } from 'node:path'
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
