import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../root.ts'

/** The templates colophon ships: XHTML skeletons, OPF, NCX and CSS. */
export const builtinTemplates = join(packageRoot, 'templates')

export interface Templates {
  /** Template name → its text, the manuscript's own replacing colophon's. */
  all: Map<string, string>
  /** The manuscript's own templates (name → text): the fonts and images they name are packaged. */
  own: Map<string, string>
}

/**
 * Read the built-in templates, then let files of the same name in the
 * manuscript's own `templates/` folder replace them.
 */
export async function loadTemplates(manuscriptRoot: string): Promise<Templates> {
  const all = new Map<string, string>()
  const own = new Map<string, string>()
  for (const folder of [builtinTemplates, join(manuscriptRoot, 'templates')]) {
    let names: string[]
    try {
      // Only files: folders such as templates/preview/ and a book's templates/fonts/ hold other assets.
      const entries = await readdir(folder, { withFileTypes: true })
      names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort()
    } catch {
      continue
    }
    for (const name of names) {
      const text = await readFile(join(folder, name), 'utf8')
      all.set(name, text)
      if (folder !== builtinTemplates) own.set(name, text)
    }
  }
  return { all, own }
}
