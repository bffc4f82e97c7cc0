import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The first executable of that name on PATH. */
export function onPath(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder && existsSync(join(folder, name))) return join(folder, name)
  }
  return undefined
}
