import { relative, resolve } from 'node:path'
import { colophonCommand, installKind } from '../check/install-advice.ts'
import { packageRoot } from '../root.ts'
import { importFile } from './import-file.ts'
import { report } from './report.ts'
import { writeFolder } from './write-folder.ts'

export interface ImportCommandOptions {
  out?: string
  force?: boolean
  dryRun?: boolean
}

/** What a manuscript folder's import writes at its top: a forced import replaces these whole, old ones it does not write too. */
const MANUSCRIPT_PARTS = ['book.yaml', 'cover.jpg', 'cover.jpeg', 'cover.png', 'front', 'chapters', 'back', 'images']

/**
 * `colophon import FILE`: the story as a manuscript folder the author goes on
 * editing. Every guess is printed (standard error, as messages at their
 * place in the file); the folder appears whole or not at all, and never in a
 * folder that holds something unless `--force`. `--dry-run` prints the
 * guesses and the files it would write (standard output), and writes nothing.
 */
export async function runImport(path: string, options: ImportCommandOptions): Promise<void> {
  const imported = await importFile(path)
  if (imported.file.messages.length > 0) process.stderr.write(`${await report(imported.file.messages)}\n`)
  const out = options.out ?? imported.name
  const shown = relative(process.cwd(), resolve(out)) || '.'
  if (options.dryRun) {
    process.stdout.write(`${imported.files.map((file) => `${shown}/${file.path}`).join('\n')}\n`)
    process.stderr.write(`colophon: read ${path} as ${imported.format}; would write ${imported.files.length} files to ${shown}/ (--dry-run: nothing written)\n`)
    return
  }
  await writeFolder(resolve(out), imported.files, { force: options.force, replaces: MANUSCRIPT_PARTS, forceFlag: '--force' })
  const chapters = imported.book.chapters.length
  process.stderr.write(`colophon: imported ${path} (${imported.format}, ${chapters} chapter${chapters === 1 ? '' : 's'}) into ${shown}/; build it with \`${colophonCommand(installKind(packageRoot))} build ${shown}\`\n`)
}
