import { randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import Mustache from 'mustache'
import type { ManuscriptFile } from '../import/manuscript.ts'
import { titleFromName } from '../load/order.ts'
import { colophonCommand, installKind } from '../check/install-advice.ts'
import { packageRoot } from '../root.ts'
import { writeFolder } from './write-folder.ts'

export interface InitCommandOptions {
  /** `--no-ci` sets false: no GitHub Actions workflow. */
  ci: boolean
}

/** The new book's files: data, in templates/init/ (npm leaves out files named .gitignore, hence the names there). */
const TEMPLATES = join(packageRoot, 'templates', 'init')

/**
 * What `npm install --save-dev colophon` leaves in the book's folder, which
 * the README has the writer do before `colophon init`: the folder still
 * counts as empty (and they are left as they are).
 */
const INSTALLED = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'node_modules']

/** Names in templates/init/ and what they are written as. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore', github: '.github' }

/**
 * `colophon init [DIR]`: a new book project, `DIR/manuscript/` with a
 * book.yaml that names every key and a first chapter, a .gitignore for what
 * colophon makes, and a GitHub Actions workflow that builds, checks and lints
 * the book (unless `--no-ci`). `colophon build` in DIR then builds it to
 * `dist/`, beside the manuscript, where a build may write. DIR must be new or
 * empty (a `.git` alone is allowed). See docs/decisions/0016-init-a-project-folder.md.
 */
export async function runInit(dir: string, options: InitCommandOptions): Promise<void> {
  const out = resolve(dir)
  const view = {
    // YAML double-quoted: a folder name may hold a quote or a backslash.
    title: JSON.stringify(titleFromName(basename(out)) || 'Untitled').slice(1, -1),
    // Made once, here: a book keeps its identifier when its title changes.
    identifier: `urn:uuid:${randomUUID()}`,
  }
  const files: ManuscriptFile[] = []
  for (const path of await listFiles(TEMPLATES)) {
    const [top = '', ...rest] = path.split('/')
    if (top === 'github' && !options.ci) continue
    const text = await readFile(join(TEMPLATES, ...path.split('/')), 'utf8')
    files.push({ path: [RENAMED[top] ?? top, ...rest].join('/'), data: path.endsWith('book.yaml') ? Mustache.render(text, view, {}, { escape: (value: string) => value }) : text })
  }
  await writeFolder(out, files, { alsoEmpty: INSTALLED })
  const shown = relative(process.cwd(), out) || '.'
  const cd = shown === '.' ? '' : `cd ${shown} && `
  // `colophon` alone is on PATH only after a global install.
  const colophon = colophonCommand(installKind(packageRoot))
  process.stderr.write(
    `colophon: made a new book in ${shown}/: manuscript/book.yaml, manuscript/chapters/01-chapter-one/${options.ci ? ', .github/workflows/book.yml' : ''}, .gitignore\n` +
      `colophon: build it with \`${cd}${colophon} build\`, read it with \`${colophon} preview\`\n`,
  )
}

/** Every file under `folder`, as `/`-separated paths, sorted. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(/[\\/]/).join('/'))
    .sort()
}
