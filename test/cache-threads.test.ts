import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManuscript } from '../bench/lib/write.ts'
import { build } from '../src/index.ts'
import { builtinTemplates } from '../src/load/templates.ts'
import { colophon } from './helpers/cli.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

describe('typesetting on worker threads', () => {
  it('gives the same bytes with worker threads as on the main thread alone, and as the library', async () => {
    // 100,000 words: enough text for the build to start worker threads.
    const folder = await mkdtemp(join(tmpdir(), 'colophon-threads-'))
    await writeManuscript(join(folder, 'book'), '100k', 7)
    const threaded = await colophon(['build', 'book', '--out', 'threaded.epub', '--no-cache', '--threads', '1'], { cwd: folder, env })
    expect(threaded.code, threaded.stderr).toBe(0)
    expect(threaded.stderr).toMatch(/typeset: \d+ texts, on worker threads/)
    const single = await colophon(['build', 'book', '--out', 'single.epub', '--no-cache', '--threads', '0'], { cwd: folder, env })
    expect(single.code, single.stderr).toBe(0)
    expect(single.stderr).not.toMatch(/worker thread/)
    const bytes = await readFile(join(folder, 'threaded.epub'))
    expect((await readFile(join(folder, 'single.epub'))).equals(bytes)).toBe(true)
    const library = await build(join(folder, 'book'), { env, lint: false })
    expect(Buffer.from(library.epub).equals(bytes)).toBe(true)
  })

  it('finds a page that is not well-formed as the pages are deflated on worker threads, as without them', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-threads-xml-'))
    await writeManuscript(join(folder, 'book'), '100k', 7)
    // A book's own chapter template that leaves the chapter's section open once it is filled: read as
    // XML before filling (the template check) the section closes, but only inside a Mustache section
    // that no chapter fills, so only the pages themselves show the fault.
    const chapter = await readFile(join(builtinTemplates, 'chapter.xhtml'), 'utf8')
    await mkdir(join(folder, 'book', 'templates'))
    await writeFile(join(folder, 'book', 'templates', 'chapter.xhtml'), chapter.replace('</section>\n</body>', '{{#never}}</section>{{/never}}\n</body>'))
    // Each problem: the page's path in the EPUB, then line, column and message.
    const problems = (stderr: string): string[] =>
      [...stderr.matchAll(/^(\S+\.xhtml)\n(\d+:\d+)\s+(error Unexpected malformed XML.*)$/gm)].map((match) => `${match[1]}:${match[2]} ${match[3]}`)
    const threaded = await colophon(['build', 'book', '--out', 'threaded.epub', '--no-cache', '--threads', '1'], { cwd: folder, env })
    const single = await colophon(['build', 'book', '--out', 'single.epub', '--no-cache', '--threads', '0'], { cwd: folder, env })
    expect(threaded.code).toBe(1)
    expect(single.code).toBe(1)
    expect(threaded.stderr).toMatch(/typeset: \d+ texts, on worker threads/)
    // Every chapter is reported, the same way whichever thread checked it, and no book is written.
    const chapters = (await readdir(join(folder, 'book', 'chapters'))).length
    expect(problems(threaded.stderr), threaded.stderr).toHaveLength(chapters)
    expect(problems(threaded.stderr)).toEqual(problems(single.stderr))
    expect(existsSync(join(folder, 'threaded.epub'))).toBe(false)
    expect(threaded.stderr).not.toMatch(/\n\s+at /)
  })
})
