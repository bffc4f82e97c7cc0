import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../root.ts'

/** The templates colophon ships: XHTML skeletons, OPF, NCX and CSS. */
export const builtinTemplates = join(packageRoot, 'templates')

/**
 * Read the built-in templates, then let files of the same name in the
 * manuscript's own `templates/` folder replace them.
 */
export async function loadTemplates(manuscriptRoot: string): Promise<Map<string, string>> {
  const templates = new Map<string, string>()
  for (const folder of [builtinTemplates, join(manuscriptRoot, 'templates')]) {
    let names: string[]
    try {
      // Only files: folders such as templates/preview/ hold other assets.
      const entries = await readdir(folder, { withFileTypes: true })
      names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort()
    } catch {
      continue
    }
    for (const name of names) templates.set(name, await readFile(join(folder, name), 'utf8'))
  }
  return templates
}
