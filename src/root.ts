import { fileURLToPath } from 'node:url'

declare const COLOPHON_ROOT: string | undefined

/**
 * colophon's own folder (templates/, package.json), whether it runs from the
 * TypeScript source or from the bundle the launcher caches (which defines
 * COLOPHON_ROOT, since the bundle lives elsewhere).
 */
export const packageRoot: string =
  typeof COLOPHON_ROOT === 'string' ? COLOPHON_ROOT : fileURLToPath(new URL('../', import.meta.url))
