import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../root.ts'
import { BookError, InternalError } from '../errors.ts'
import { findManuscript } from './find-manuscript.ts'
import { report } from './report.ts'

/** Exit codes, set in this one place. */
export const EXIT = { ok: 0, book: 1, usage: 2 } as const

/** A usage problem found after parsing (bad value, bad --out): exit 2. */
export class UsageError extends Error {}

/** `colophon check` found errors (or warnings, with --frail): exit 1, the report already printed. */
export class ChecksFailed extends Error {}

/** Warnings were found and `--frail` makes them fail the run: exit 1, the warnings already printed. */
export class WarningsFailed extends Error {}

const MANUSCRIPT_ARGUMENT = 'manuscript folder with book.yaml and chapters/ (default: the current folder when it holds book.yaml, else ./manuscript)'

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version

function threadCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64')
  return Number(value)
}

function program(): Command {
  const cli = new Command('colophon')
    .description('Turn a manuscript folder of Markdown into a valid, reproducible EPUB 3.')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) })

  const wordJoiner = new Option('--word-joiner <char>', 'word joiner to set: u2060, or feff for readers that lack U+2060')
    .choices(['u2060', 'feff'])
    .default('u2060')

  const nbsp = new Option('--nbsp <kind>', 'narrow: U+202F where French and German ask for a fine space; regular: U+00A0, for readers whose fonts lack U+202F')
    .choices(['narrow', 'regular'])
    .default('narrow')

  cli
    .command('build')
    .description('Build the manuscript folder, or one story file as it is (Markdown, text, HTML, DOCX, EPUB), into an EPUB (default: the folder holding book.yaml, or ./manuscript → dist/<title>.epub).')
    .argument('[manuscript-dir]', `${MANUSCRIPT_ARGUMENT}, or a story file (.md, .txt, .html, .docx, .epub)`)
    .option('-o, --out <path>', 'where to write the EPUB (default: dist/<title>.epub); with several targets, a folder (default: dist/)')
    .option('-t, --target <name>', 'e-reader variant: epub, kobo, kindle, apple, all, or a comma-separated list', 'epub')
    .addOption(wordJoiner)
    .addOption(nbsp)
    .option('--frail', 'fail (exit 1, nothing written) when the lint or any stage warns')
    .option('-w, --watch', 'rebuild whenever a file of the manuscript changes, until Ctrl-C')
    .option('--no-cache', 'neither read nor write the build cache ($XDG_CACHE_HOME/colophon or ~/.cache/colophon)')
    .addOption(new Option('--threads <n>', 'worker threads besides the main one (default: one per further core, for a book of some 300,000 words or more; given, from some 70,000)').argParser(threadCount))
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nExamples:\n  $ colophon build                      (in the folder with book.yaml: writes dist/<title>.epub there)\n  $ colophon build story.md --target all\n  $ colophon build manuscript --out dist/my-book.epub\n  $ colophon build manuscript --target all --out dist/\n  $ colophon build manuscript --watch\n')
    .exitOverride()
    .action(async (dir: string | undefined, options: { out?: string; target: string; wordJoiner: 'u2060' | 'feff'; nbsp: 'narrow' | 'regular'; frail?: boolean; cache: boolean; watch?: boolean; threads?: number }) => {
      const { runBuild } = await import('./build.ts')
      await runBuild(findManuscript(dir), options)
    })

  cli
    .command('preview')
    .description('Build the book, read it in a browser (foliate-js on 127.0.0.1) and rebuild and reload on every save.')
    .argument('[manuscript-dir]', `${MANUSCRIPT_ARGUMENT}, or a story file`)
    .option('-p, --port <number>', 'port on 127.0.0.1 (default: a free one, printed on standard error)', '0')
    .option('--no-open', 'do not open a browser')
    .option('-t, --target <name>', 'which target to read: epub, kobo, kindle or apple', 'epub')
    .addOption(wordJoiner)
    .addOption(nbsp)
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nExample:\n  $ colophon preview manuscript --port 8080 --no-open\n')
    .exitOverride()
    .action(async (dir: string | undefined, options: { port: string; open: boolean; target: string; wordJoiner: 'u2060' | 'feff'; nbsp: 'narrow' | 'regular' }) => {
      const { runPreview } = await import('./preview.ts')
      await runPreview(findManuscript(dir), options)
    })

  cli
    .command('import')
    .description('Turn one story file (Markdown, plain text, HTML, DOCX or EPUB) into a manuscript folder to go on editing, printing every guess made.')
    .argument('<file>', 'the story file: .md, .markdown, .txt, .html, .htm, .docx or .epub (the format is told by its bytes too)')
    .option('-o, --out <dir>', 'the folder to write (default: the title as a folder name, in the current folder); it must be new or empty')
    .option('--force', 'write into a folder that holds something: its book.yaml, cover, front/, chapters/, back/ and images/ are replaced, the rest stays')
    .option('-n, --dry-run', 'print the guesses and the files it would write, and write nothing')
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nExit codes: 0 written, 1 the file holds no story colophon can read, 2 usage (a folder that is not empty).\n\nExamples:\n  $ colophon import story.md --dry-run\n  $ colophon import story.docx --out my-book\n  $ colophon build my-book\n')
    .exitOverride()
    .action(async (file: string, options: { out?: string; force?: boolean; dryRun?: boolean }) => {
      const { runImport } = await import('./import.ts')
      await runImport(file, options)
    })

  cli
    .command('init')
    .description('Start a new book: book.yaml with every key, a first chapter, .gitignore and a GitHub Actions workflow that builds and checks it.')
    .argument('[dir]', 'the folder to make the book in; new, or empty', '.')
    .option('--no-ci', 'leave out the GitHub Actions workflow (.github/workflows/book.yml)')
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nExamples:\n  $ colophon init my-book\n  $ cd my-book && colophon build .\n')
    .exitOverride()
    .action(async (dir: string, options: { ci: boolean }) => {
      const { runInit } = await import('./init.ts')
      await runInit(dir, options)
    })

  cli
    .command('typeset')
    .description('Typeset Markdown from a file or standard input and print the result.')
    .argument('[file]', 'Markdown file (default: standard input)')
    .addOption(new Option('-f, --format <format>', 'what to print').choices(['xhtml', 'text']).default('xhtml'))
    .addOption(wordJoiner)
    .addOption(nbsp)
    .addOption(new Option('--lang <tag>', 'the text\'s language, a BCP 47 tag (fr, fr-CH, de, es, pt-BR, ru, ja …): it picks the typography rules').default('en'))
    .addOption(new Option('--dialogue-dashes <yes>', 'whether a paragraph opened by `- ` is dialogue (default: the language\'s)').choices(['true', 'false']))
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', `\nExamples:\n  $ echo 'He said "wait - no..."' | colophon typeset --format text\n  $ echo '- Rien, répondit-elle. "Allez !"' | colophon typeset --lang fr --format text\n`)
    .exitOverride()
    .action(async (file: string | undefined, options: { format: 'xhtml' | 'text'; wordJoiner: 'u2060' | 'feff'; nbsp: 'narrow' | 'regular'; lang: string; dialogueDashes?: 'true' | 'false' }) => {
      const { runTypeset } = await import('./typeset.ts')
      await runTypeset(file, options)
    })

  cli
    .command('check')
    .description('Check an EPUB with epubcheck-ts, and Java EPUBCheck and Ace by DAISY when installed; print one report.')
    .argument('<books...>', 'the EPUB files to check (dist/*.epub after build --target all)')
    .option('--frail', 'fail on warnings too, not only on errors')
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nExit codes: 0 passed, 1 errors (or warnings with --frail), 2 usage.\n\nExamples:\n  $ colophon check dist/sequence.epub --frail\n  $ colophon check dist/*.epub\n')
    .exitOverride()
    .action(async (books: string[], options: { frail?: boolean }) => {
      const { runCheck } = await import('./check.ts')
      await runCheck(books, options)
    })

  cli
    .command('lint')
    .description('Report what typography must not decide alone: fused words, ambiguous or unmatched quotes, double spaces, repeated words, unhyphenated compound numbers, punctuation outside quotes, mixed scene breaks.')
    .argument('[manuscript-dir]', MANUSCRIPT_ARGUMENT)
    .addOption(new Option('-f, --format <format>', 'how to print findings').choices(['text', 'json', 'github']).default('text'))
    .option('--frail', 'exit 1 when there is any warning')
    .option('--rules', 'list the rule ids and what each reports')
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nSuppress a finding in <manuscript-dir>/.colophon-lint.yaml:\n  suppress:\n    - { rule: T006, file: chapters/01-one/01-scene.md, line: 7, reason: the narrator says it so }\n\nExample:\n  $ colophon lint manuscript --format github --frail\n')
    .exitOverride()
    .action(async (dir: string | undefined, options: { format: 'text' | 'json' | 'github'; frail?: boolean; rules?: boolean }) => {
      const { runLint } = await import('./lint.ts')
      await runLint(findManuscript(dir), options)
    })

  cli.addHelpText('after', '\nExamples:\n  $ colophon init my-book\n  $ colophon import story.md\n  $ colophon build\n  $ colophon build story.md\n  $ colophon typeset chapter.md --format text\n  $ colophon lint manuscript\n  $ colophon check dist/sequence.epub\n  $ colophon preview manuscript\n')
  return cli
}

/** Run the CLI; returns the exit code instead of exiting, so tests and wrappers can call it. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    await program().parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
      return done ? EXIT.ok : EXIT.usage
    }
    if (error instanceof BookError) {
      process.stderr.write(`${await report(error.messages)}\n`)
      return EXIT.book
    }
    if (error instanceof ChecksFailed || error instanceof WarningsFailed) {
      process.stderr.write(`colophon: ${error.message}\n`)
      return EXIT.book
    }
    if (error instanceof UsageError) {
      process.stderr.write(`colophon: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof InternalError) {
      process.stderr.write(`colophon: ${error.message}\n${debug ? `${error.trace}\n` : '(run with --debug for the stack)\n'}`)
      return EXIT.book
    }
    // A thrown vfile message has an empty stack, and some errors an empty message: say at least what was thrown.
    const message = error instanceof Error ? error.message || error.name : String(error)
    const stack = error instanceof Error && error.stack && error.stack.trim() !== '' ? error.stack : message
    const text = debug ? stack : message
    process.stderr.write(`colophon: ${text}\n${debug ? '' : '(run with --debug for details)\n'}`)
    return EXIT.book
  }
}
