import { execFileSync } from 'node:child_process'
import { realpathSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { colophon } from './helpers/cli.ts'
import { isWithin, physicalPath } from '../src/cli/out-path.ts'
import { BookError, build, loadBook } from '../src/index.ts'
import { openManuscript, type Manuscript } from '../src/load/open.ts'
import { readText } from '../src/load/read-text.ts'
import { runs } from './helpers/runs.ts'

/**
 * Whatever a manuscript's folder holds in place of a scene (a file, a link
 * inside or out, a loop, a dangling link, a FIFO, a folder), loading it
 * never hangs, never reads a byte from outside the manuscript, and either
 * gives the book or says, for each bad entry, why in words at its path.
 */
const SECRET = 'SECRET-FROM-OUTSIDE'
const ERRNO = /\bE(NOENT|LOOP|ACCES|PERM|ISDIR|NOTDIR|NXIO|AGAIN|IO|SPIPE)\b/

type Kind = 'file' | 'link-inside' | 'link-outside' | 'link-outside-folder' | 'loop' | 'dangling' | 'fifo' | 'folder'
const KINDS: Kind[] = ['file', 'link-inside', 'link-outside', 'link-outside-folder', 'loop', 'dangling', 'fifo', 'folder']

async function makeEntry(folder: string, name: string, kind: Kind): Promise<void> {
  const path = join(folder, name)
  switch (kind) {
    case 'file':
      return writeFile(path, `Scene ${name} by the river.\n`)
    case 'link-inside':
      return symlink('../../shared/part.md', path)
    case 'link-outside':
      return symlink('../../../outside/secret.md', path)
    case 'link-outside-folder':
      return symlink('../../../outside', path)
    case 'loop':
      return symlink(name, path)
    case 'dangling':
      return symlink('nothing-here.md', path)
    case 'fifo':
      execFileSync('mkfifo', [path])
      return
    case 'folder':
      await mkdir(path)
      return writeFile(join(path, 'inner.md'), 'Inner.\n')
  }
}

describe('hostile file-system entries in place of scenes', () => {
  it('load never hangs, never reads outside, and names each bad entry in words', async () => {
    const base = await mkdtemp(join(tmpdir(), 'colophon-hostile-'))
    await mkdir(join(base, 'outside'))
    await writeFile(join(base, 'outside/secret.md'), `${SECRET}\n`)
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }), async (kinds) => {
        const work = join(base, `run-${run++}`)
        const chapter = join(work, 'chapters/01-one')
        await mkdir(chapter, { recursive: true })
        await mkdir(join(work, 'shared'))
        await writeFile(join(work, 'shared/part.md'), 'A part kept elsewhere inside.\n')
        await writeFile(join(work, 'book.yaml'), 'title: A Test Book\nauthor: Ann Author\nlanguage: en\n')
        await writeFile(join(chapter, '00-first.md'), 'The first scene.\n')
        const names = kinds.map((kind, index) => `${String(index + 1).padStart(2, '0')}-${kind}.md`)
        for (const [index, kind] of kinds.entries()) await makeEntry(chapter, names[index] as string, kind)
        const bad = new Set(names.filter((_, index) => !['file', 'link-inside'].includes(kinds[index] as Kind)))
        try {
          const book = await loadBook(work, { cwd: base })
          expect(bad.size, 'a bad entry was accepted').toBe(0)
          const text = book.chapters.flatMap((item) => item.scenes).map((file) => String(file.value)).join('\n')
          expect(text).not.toContain(SECRET)
          expect(book.chapters[0]?.scenes.length).toBe(kinds.length + 1)
        } catch (error) {
          if (!(error instanceof BookError)) throw error
          const files = new Set(error.messages.map((message) => message.file))
          for (const name of bad) expect(files, name).toContain(`run-${run - 1}/chapters/01-one/${name}`)
          for (const message of error.messages) {
            expect(message.reason).not.toMatch(ERRNO)
            expect(message.reason).not.toContain(base)
            expect(message.reason).not.toContain(SECRET)
            expect(message.fatal).toBe(true)
          }
          expect(error.messages.length).toBe(bad.size)
        }
      }),
      { numRuns: runs(40) },
    )
    await rm(base, { recursive: true, force: true })
  }, 120_000)
})

describe('a file that vanishes', () => {
  it('between listing and reading: an error at it that says so, with no errno code', async () => {
    const work = await mkdtemp(join(tmpdir(), 'colophon-vanish-'))
    await mkdir(join(work, 'm/chapters/01-one'), { recursive: true })
    const manuscript = openManuscript(join(work, 'm'), work) as Manuscript
    const file = await readText(join(work, 'm/chapters/01-one/02-gone.md'), manuscript)
    expect(file.path).toBe('m/chapters/01-one/02-gone.md')
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]?.fatal).toBe(true)
    expect(file.messages[0]?.reason).toBe('Unexpected file that cannot be read: it does not exist (it vanished, or is a symbolic link to nothing)')
  })

  it('an image removed while the book is typeset: an error at its reference, the build ends cleanly', async () => {
    const work = await mkdtemp(join(tmpdir(), 'colophon-vanish-'))
    const chapter = join(work, 'm/chapters/01-one')
    await mkdir(chapter, { recursive: true })
    await writeFile(join(work, 'm/book.yaml'), 'title: A Test Book\nauthor: Ann Author\nlanguage: en\n')
    await writeFile(join(chapter, '01-scene.md'), 'Before.\n\n![A map](map.svg)\n')
    await writeFile(join(chapter, 'map.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n')
    const whole = await build(join(work, 'm'), { env: {} })
    expect(Object.keys((await JSZip.loadAsync(whole.epub)).files).some((name) => name.endsWith('.svg'))).toBe(true)
    let removed = false
    const failed = await build(join(work, 'm'), {
      env: {},
      cwd: work,
      onProgress: (event) => {
        // Images are read after the texts are typeset: take it away in between.
        if (event.type === 'end' && event.stage === 'load' && !removed) {
          removed = true
          rmSync(join(chapter, 'map.svg'))
        }
      },
    }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(removed).toBe(true)
    expect(failed).toBeInstanceOf(BookError)
    const [message] = (failed as BookError).messages
    expect(message?.file).toBe('m/chapters/01-one/01-scene.md')
    expect(message?.line).toBe(3)
    // Gone before its path was resolved, or between that and opening it: either way said in words.
    expect(message?.reason).toMatch(/missing image `map\.svg`|image `map\.svg` that cannot be read: it does not exist/)
    expect(message?.reason).not.toMatch(ERRNO)
  })
})

describe('a story file named on the command line that is not a file', () => {
  it('a FIFO or a folder by a story file\'s name: build, import and typeset say so, never wait', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-story-fifo-'))
    try {
      execFileSync('mkfifo', [join(folder, 'story.md')])
      await mkdir(join(folder, 'folder.md'))
      for (const args of [['build', 'story.md', '--out', 'out/book.epub'], ['import', 'story.md', '--dry-run'], ['typeset', 'story.md'], ['import', 'folder.md', '--dry-run']]) {
        const run = await colophon(args, { cwd: folder })
        expect(run.code, run.stderr).not.toBe(0)
        expect(run.stderr).toMatch(args[1] === 'folder.md' ? /folder `folder\.md`/ : /story\.md.*named pipe \(FIFO\)/)
        expect(run.stderr).not.toMatch(ERRNO)
      }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('where --out really lands', () => {
  it('physicalPath agrees with the system for any path through links and .., and isWithin with the folders', async () => {
    const base = realpathSync.native(await mkdtemp(join(tmpdir(), 'colophon-out-')))
    await mkdir(join(base, 'a/b/c'), { recursive: true })
    await mkdir(join(base, 'manuscript/chapters'), { recursive: true })
    await symlink('a/b', join(base, 'l1'))
    await symlink('../manuscript/chapters', join(base, 'a/l2'))
    await symlink('../..', join(base, 'a/b/up'))
    await symlink('manuscript', join(base, 'book'))
    const parts = ['a', 'b', 'c', 'l1', 'l2', 'up', 'book', 'manuscript', 'chapters', '..', '.']
    let checked = 0
    await fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 7 }), (segments) => {
        const given = [...segments, 'book.epub'].join('/')
        const raw = `${base}/${given}`
        try {
          writeFileSync(raw, 'x')
        } catch {
          // A folder on the way that does not exist: the system cannot write there either.
          return
        }
        try {
          const real = realpathSync.native(raw)
          expect(physicalPath(given, base)).toBe(real)
          expect(isWithin(physicalPath(given, base), join(base, 'manuscript'))).toBe(real.startsWith(`${base}/manuscript/`))
          checked++
        } finally {
          rmSync(raw)
        }
      }),
      // Every run: the count below needs them, and each is a file written and read back, cheap.
      { numRuns: 300 },
    )
    expect(checked).toBeGreaterThan(30)
    await rm(base, { recursive: true, force: true })
  })
})
