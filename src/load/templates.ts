import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { packageRoot } from '../root.ts'
import { isRefusal, listInside, readInside, type Manuscript } from './open.ts'
import { displayPath, refuse } from './read-text.ts'

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
 * manuscript's own `templates/` folder replace them. The manuscript's are
 * read as its other files are (open.ts): one that leads outside it, or is
 * not a regular file, is a fatal message in `problems`.
 */
export async function loadTemplates(manuscript: Manuscript, problems: VFileMessage[]): Promise<Templates> {
  const templates = new Map<string, string>()
  const own = new Map<string, string>()
  // Only files: folders such as templates/preview/ hold other assets.
  const entries = await readdir(builtinTemplates, { withFileTypes: true })
  for (const name of entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort()) {
    templates.set(name, await readFile(join(builtinTemplates, name), 'utf8'))
  }
  const folder = join(manuscript.folder, 'templates')
  const shown = (path: string): VFile => new VFile({ path: displayPath(path, manuscript.cwd), cwd: manuscript.cwd })
  const listed = listInside(manuscript, folder)
  if (listed === undefined) return { all: templates, own }
  if (isRefusal(listed)) {
    problems.push(refuse(shown(folder), listed, 'folder'))
    return { all: templates, own }
  }
  for (const entry of listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.kind === 'folder') continue
    const path = join(folder, entry.name)
    const bytes = entry.kind === 'other' ? { reason: entry.problem ?? 'it is not a regular file', ruleId: 'not-a-file' as const } : readInside(manuscript, path)
    if (isRefusal(bytes)) problems.push(refuse(shown(path), bytes, 'template'))
    else {
      templates.set(entry.name, bytes.toString('utf8'))
      own.set(entry.name, bytes.toString('utf8'))
    }
  }
  return { all: templates, own }
}
