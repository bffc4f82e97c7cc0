import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from './root.ts'

/** colophon's own version, from its package.json: `0.1.0`. */
export const version: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version

/** How the books say what built them: `colophon 0.1.0`. */
export const generator = `colophon ${version}`
