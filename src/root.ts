import { fileURLToPath } from 'node:url'

/**
 * Whether this code runs from the launcher's bundle (src/bundled/*.js) rather
 * than from the TypeScript source (through tsx, or vitest). Told by the
 * module's own file name: the bundle and the source are the same code.
 */
export const fromBundle: boolean = !import.meta.url.endsWith('.ts')

/**
 * A file beside this module's code: `bundled` names it in src/bundled/ (the
 * bundle keeps its entries there), `source` relative to src/ in the source.
 */
export function besideCode(bundled: string, source: string): string {
  return fileURLToPath(new URL(fromBundle ? `./${bundled}` : `./${source}`, import.meta.url))
}

/** colophon's own folder (templates/, package.json): src/ and src/bundled/ are both inside it. */
export const packageRoot: string = fileURLToPath(new URL(fromBundle ? '../../' : '../', import.meta.url))
