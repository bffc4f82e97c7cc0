import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { importBytes } from '../src/import/index.ts'
import { archiveWork } from './helpers/archive-work.ts'
import { epubcheckJavaMany } from './helpers/checkers.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { hasJavaEpubcheck, type CheckReport } from './helpers/epub.ts'
import { BUILT_THROUGH_CLI, JAVA_CHECKED_THROUGH_CLI, PACKAGE_CASES, TEXT_CASES_BUILT, writeImported } from './helpers/imported.ts'

const runJava = hasJavaEpubcheck || process.env.CI === 'true'
const IMPORTS = join(ROOT, 'test/fixtures/import')

/**
 * Java EPUBCheck over the books the quick tests build and check with
 * epubcheck-ts alone, each built here as its quick test builds it, all
 * checked in one JVM: starting Java costs several seconds of CPU a book,
 * more than the rest of those tests together, so the quick loop runs none
 * (issue 21) and this file, in the slow project, runs it once for all.
 * Each maker writes its EPUBs into `dir` and gives their paths.
 */
type Maker = (dir: string) => Promise<string[]>

/** A story file built through the real CLI, as `colophon build FILE` (test/import-done.test.ts). */
const throughCli = (name: string, input: string): Maker => async (dir) => {
  const folder = await mkdtemp(join(dir, `${name}-`))
  await copyFile(join(IMPORTS, name, input), join(folder, input))
  const run = await colophon(['build', input, '--out', 'book.epub'], { cwd: folder })
  if (run.code !== 0) throw new Error(`colophon build ${name}/${input}: ${run.stderr}`)
  return [join(folder, 'book.epub')]
}

/** A fixture imported by its reader and written as a manuscript folder, then built (the readers' tests). */
const imported = (name: string, input: string): Maker => async (dir) => {
  const path = join('test/fixtures/import', name, input)
  const { book } = await importBytes(path, await readFile(join(ROOT, path)), ROOT)
  const result = await build(await writeImported(book), { env: {} })
  const out = join(dir, `${name}.epub`)
  await writeFile(out, result.epub)
  return [out]
}

/** A manuscript folder built by the library. */
const folder = (name: string, manuscript: () => Promise<string>): Maker => async (dir) => {
  const result = await build(await manuscript(), { env: {} })
  const out = join(dir, `${name}.epub`)
  await writeFile(out, result.epub)
  return [out]
}

/** The pandoc-style story of test/import-cli.test.ts, in a fresh folder, built by the CLI with `args`; the EPUBs it wrote under `out`. */
const storyThroughCli = (name: string, story: (text: string) => string, args: string[], out: string): Maker => async (dir) => {
  const work = await mkdtemp(join(dir, `${name}-`))
  await writeFile(join(work, 'story.md'), story(await readFile(join(ROOT, 'test/fixtures/import-cli/story.md'), 'utf8')))
  const run = await colophon(['build', 'story.md', ...args], { cwd: work })
  if (run.code !== 0) throw new Error(`colophon build ${name}: ${run.stderr}`)
  return (await readdir(join(work, out))).filter((file) => file.endsWith('.epub')).sort().map((file) => join(work, out, file))
}

/** The HTML cases test/import-html.test.ts builds: every page fixture but those that are refused. */
const htmlCases = readdirSync(IMPORTS).filter((name) => existsSync(join(IMPORTS, name, 'input.html')) && !('error' in JSON.parse(readFileSync(join(IMPORTS, name, 'expected.json'), 'utf8'))))

/** One input file per text case: the file beside expected.json. */
const textInput = (name: string): string => readdirSync(join(IMPORTS, name)).find((file) => file !== 'expected.json')!

const BOOKS: Array<[string, Maker]> = [
  // test/import-done.test.ts: one story file of each kind, through the CLI.
  ...BUILT_THROUGH_CLI.map(({ name, input }): [string, Maker] => [`import-done ${name}`, throughCli(name, input)]),
  // The readers' tests: the cases the CLI does not build already.
  ...[...TEXT_CASES_BUILT].filter((name) => !JAVA_CHECKED_THROUGH_CLI.has(name)).map((name): [string, Maker] => [`import-readers ${name}`, imported(name, textInput(name))]),
  ...htmlCases.filter((name) => !JAVA_CHECKED_THROUGH_CLI.has(name)).map((name): [string, Maker] => [`import-html ${name}`, imported(name, 'input.html')]),
  ...PACKAGE_CASES.filter(({ name }) => !JAVA_CHECKED_THROUGH_CLI.has(name)).map(({ name, input }): [string, Maker] => [`import-docx-epub ${name}`, imported(name, input)]),
  // test/import-manuscript.test.ts: the archive work, written as import writes it.
  ['import-manuscript archive work', folder('archive-work', () => writeImported(archiveWork, 'work.html'))],
  // test/head-note.test.ts.
  ['head-note book', folder('head-note', async () => join(ROOT, 'test/fixtures/books/head-note'))],
  // test/import-cli.test.ts: the story built as it is (with a repeated word the lint finds), every target of it, and a file with no front matter.
  ['import-cli story file', storyThroughCli('story', (text) => `${text}\nThe the end.\n`, [], 'dist')],
  ['import-cli every target', storyThroughCli('targets', (text) => text, ['--target', 'all', '--out', 'out'], 'out')],
  [
    'import-cli a file with no front matter',
    async (dir) => {
      const work = await mkdtemp(join(dir, 'the-keeper-'))
      await writeFile(join(work, 'the-keeper.md'), 'The keeper climbed the stairs.\n')
      const run = await colophon(['build', 'the-keeper.md', '--out', 'book.epub'], { cwd: work })
      if (run.code !== 0) throw new Error(`colophon build the-keeper.md: ${run.stderr}`)
      return [join(work, 'book.epub')]
    },
  ],
]

describe.runIf(runJava)('Java EPUBCheck over the books the quick tests check with epubcheck-ts', () => {
  let dir: string
  const reports = new Map<string, CheckReport[]>()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-java-'))
    const made = new Map<string, string[]>()
    for (const [name, make] of BOOKS) {
      const books = join(dir, String(made.size))
      await mkdir(books)
      made.set(name, await make(books))
    }
    const checked = await epubcheckJavaMany([...made.values()].flat())
    for (const [name, paths] of made) reports.set(name, paths.map((path) => checked.get(path)!))
  }, 1_200_000) // 30 books and one JVM: minutes on a busy machine

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it.each(BOOKS.map(([name]) => name))('%s: 0 errors and 0 warnings', (name) => {
    const books = reports.get(name)!
    expect(books.length).toBeGreaterThan(0)
    for (const report of books) {
      expect(report.messages).toEqual([])
      expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: 0, warnings: 0 })
    }
  })

  it('has every book of the targets test: four', () => {
    expect(reports.get('import-cli every target')).toHaveLength(4)
  })
})
