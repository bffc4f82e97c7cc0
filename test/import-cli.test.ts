import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, colophon, ROOT } from './helpers/cli.ts'
import { bodyText, epubcheckTs, openEpub, words } from './helpers/epub.ts'
import { STACK_TRACE } from './helpers/report.ts'

const STORY = join(ROOT, 'test/fixtures/import-cli/story.md')

/** A fresh folder holding a copy of the pandoc-style story. */
async function withStory(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-import-'))
  await copyFile(STORY, join(folder, 'story.md'))
  return folder
}

/** Every file under `folder`, `/`-separated, sorted. */
async function tree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

/** The story's own words: the body after the front matter, without headings' `#` and the scene-break stars. */
function storyWords(markdown: string): string[] {
  return words(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
}

/** epubcheck-ts's word on a book; Java EPUBCheck checks the same books in test/epubcheck-java.test.ts (the slow project). */
async function validate(bytes: Uint8Array): Promise<void> {
  const ts = await epubcheckTs(bytes)
  expect(ts.messages).toEqual([])
  expect(ts.errors + ts.warnings).toBe(0)
}

describe('colophon import', () => {
  it('writes the story as a manuscript folder in the documented layout, keeping every word', async () => {
    const folder = await withStory()
    const run = await colophon(['import', 'story.md'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/imported story\.md .* into the-lantern-keeper\//)
    const book = join(folder, 'the-lantern-keeper')
    expect(await tree(book)).toEqual([
      'book.yaml',
      'chapters/01-chapter-1-arrival/01-the-ferry-came-in.md',
      'chapters/01-chapter-1-arrival/02-the-tower-had-one.md',
      'chapters/01-chapter-1-arrival/chapter.yaml',
      'chapters/02-chapter-2-the-storm/01-the-storm-broke-on.md',
      'chapters/02-chapter-2-the-storm/02-nobody-in-the-village.md',
      'chapters/02-chapter-2-the-storm/03-by-the-end-of.md',
      'chapters/02-chapter-2-the-storm/chapter.yaml',
    ])
    const yaml = await readFile(join(book, 'book.yaml'), 'utf8')
    expect(yaml).toMatch(/^# Imported by colophon from story\.md\./)
    expect(yaml).toMatch(/^title: The Lantern Keeper$/m)
    expect(yaml).toMatch(/^author: Wren Halloway$/m)
    expect(yaml).toMatch(/^language: en$/m)
    expect(await readFile(join(book, 'chapters/01-chapter-1-arrival/chapter.yaml'), 'utf8')).toBe('title: "Chapter 1: Arrival"\n')
    // Straight quotes stay as typed: typography is the build's job.
    expect(await readFile(join(book, 'chapters/01-chapter-1-arrival/01-the-ferry-came-in.md'), 'utf8')).toMatch(/^The ferry came in late[\s\S]*"You're the new keeper\?"[\s\S]*hill\.\n$/)
    // Every word of the story is in the folder: the titles in chapter.yaml, the text in the scenes.
    const written = (await tree(book)).filter((path) => path.startsWith('chapters/'))
    const texts = await Promise.all(written.map((path) => readFile(join(book, path), 'utf8')))
    const kept = words(texts.join('\n').replace(/^title: /gm, '')).sort()
    expect(kept).toEqual(storyWords(await readFile(STORY, 'utf8')).sort())
    // The folder builds.
    const built = await colophon(['build', 'the-lantern-keeper', '--out', 'book.epub'], { cwd: folder })
    expect(built.code, built.stderr).toBe(0)
  })

  it('prints every guess at its line with --dry-run, lists the files on standard output and writes nothing', async () => {
    const folder = await withStory()
    const run = await colophon(['import', 'story.md', '--dry-run'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/story\.md/)
    // Each guess at its line (the readers word them; these are the words).
    expect(run.stderr).toMatch(/\b7:\d+(-[\d:]+)?\s+info\s+.*chapter.*`Chapter 1: Arrival`/i)
    expect(run.stderr).toMatch(/\b15:\d+(-[\d:]+)?\s+info\s+.*scene break/i)
    expect(run.stderr).toMatch(/nothing written/)
    expect(run.stdout.split('\n')).toContain('the-lantern-keeper/book.yaml')
    expect(await readdir(folder)).toEqual(['story.md'])
  })

  it('refuses a folder that holds something (exit 2, nothing changed) unless --force, which replaces only the manuscript parts', async () => {
    const folder = await withStory()
    const out = join(folder, 'book')
    await mkdir(join(out, 'chapters/07-old'), { recursive: true })
    await writeFile(join(out, 'chapters/07-old/01-old.md'), 'An old scene.\n')
    await writeFile(join(out, 'NOTES.txt'), 'my own notes\n')
    const refused = await colophon(['import', 'story.md', '--out', 'book'], { cwd: folder })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/`book` is not empty .*--force/)
    expect(await tree(out)).toEqual(['NOTES.txt', 'chapters/07-old/01-old.md'])

    const forced = await colophon(['import', 'story.md', '--out', 'book', '--force'], { cwd: folder })
    expect(forced.code, forced.stderr).toBe(0)
    const after = await tree(out)
    expect(after).toContain('NOTES.txt')
    expect(after).toContain('book.yaml')
    expect(after).not.toContain('chapters/07-old/01-old.md')
    expect(after.filter((path) => path.startsWith('.'))).toEqual([])
    expect((await readdir(folder)).sort()).toEqual(['book', 'story.md'])
  })

  it('writes into an empty folder, and a folder with only .git counts as empty', async () => {
    const folder = await withStory()
    await mkdir(join(folder, 'book/.git'), { recursive: true })
    const run = await colophon(['import', 'story.md', '--out', 'book'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect((await readdir(join(folder, 'book'))).sort()).toEqual(['.git', 'book.yaml', 'chapters'])
  })
})

describe('colophon build FILE', () => {
  it('builds the story file as it is into a valid EPUB in dist/, naming the story file’s lines in its messages', async () => {
    const folder = await withStory()
    const text = `${await readFile(STORY, 'utf8')}\nThe the end.\n`
    await writeFile(join(folder, 'story.md'), text)
    const run = await colophon(['build', 'story.md'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/read story\.md as markdown: 2 chapters/)
    expect(run.stderr).toMatch(/wrote dist\/the-lantern-keeper\.epub/)
    // The lint's finding, at its line in the story file (decision 0043), not in the private folder's scene file.
    const line = text.trimEnd().split('\n').length
    expect(run.stderr).toMatch(new RegExp(`^story\\.md\\n(?:.*\\n)*?\\s*${line}:\\d+\\s+warning\\s+Unexpected repeated word`, 'm'))
    expect(run.stderr).not.toContain('story.md/chapters/')
    expect(run.stderr).not.toMatch(/colophon-[A-Za-z0-9]{6}/)
    const epub = new Uint8Array(await readFile(join(folder, 'dist/the-lantern-keeper.epub')))
    await validate(epub)
    const zip = await openEpub(epub)
    const chapter = await zip.file('EPUB/text/chapter-1.xhtml')!.async('string')
    expect(bodyText(chapter)).toMatch(/“You’re the new keeper\?”/)
    // Nothing of the private folder is left.
    expect((await readdir(folder)).sort()).toEqual(['dist', 'story.md'])
  })

  it('gives the same bytes from two folders, whatever the file’s times, as the folder import writes', async () => {
    const one = await withStory()
    const two = await withStory()
    await utimes(join(two, 'story.md'), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'))
    const first = await colophon(['build', 'story.md', '--out', 'a.epub'], { cwd: one })
    const second = await colophon(['build', join(two, 'story.md'), '--out', join(two, 'b.epub')], { cwd: tmpdir() })
    expect(first.code, first.stderr).toBe(0)
    expect(second.code, second.stderr).toBe(0)
    const a = await readFile(join(one, 'a.epub'))
    const b = await readFile(join(two, 'b.epub'))
    expect(a.equals(b)).toBe(true)
    // The same book as the folder `colophon import` writes.
    expect((await colophon(['import', 'story.md', '--out', 'folder'], { cwd: one })).code).toBe(0)
    const folder = await colophon(['build', 'folder', '--no-cache', '--out', 'c.epub'], { cwd: one })
    expect(folder.code, folder.stderr).toBe(0)
    expect((await readFile(join(one, 'c.epub'))).equals(a)).toBe(true)
  })

  it('builds every target, each valid', async () => {
    const folder = await withStory()
    const run = await colophon(['build', 'story.md', '--target', 'all', '--out', 'out'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    const names = (await readdir(join(folder, 'out'))).sort()
    expect(names).toEqual(['the-lantern-keeper.apple.epub', 'the-lantern-keeper.epub', 'the-lantern-keeper.kepub.epub', 'the-lantern-keeper.kindle.epub'])
    for (const name of names) await validate(new Uint8Array(await readFile(join(folder, 'out', name))))
  })

  it('says where a title, author and language the file lacks came from', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-import-'))
    await writeFile(join(folder, 'the-keeper.md'), 'The keeper climbed the stairs.\n')
    const run = await colophon(['build', 'the-keeper.md', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/info\s+title `The keeper` from the file name/)
    expect(run.stderr).toMatch(/info\s+No author found: name one in book.yaml/)
    expect(run.stderr).toMatch(/info\s+language not stated .* not detected \(too little text\): `en` until you set `language:`/)
    await validate(new Uint8Array(await readFile(join(folder, 'book.epub'))))
  })

  it('warns at its line about front matter it leaves out (a date in another form, a key of pandoc it cannot place), and still builds', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-import-'))
    await writeFile(join(folder, 'story.md'), '---\ntitle: Dates\nauthor: A. Writer\nlang: en\ndate: 4 March 2021\ncreator: Someone\n---\n\n# One\n\nThe first words.\n\n# Two\n\nThe last words.\n')
    const built = await colophon(['build', 'story.md', '--no-cache'], { cwd: folder })
    expect(built.code, built.stderr).toBe(0)
    expect(built.stderr).toMatch(/5:1 +warning Front matter `date` is not in a form book\.yaml takes, expected YYYY, YYYY-MM or YYYY-MM-DD: left out/)
    expect(built.stderr).toMatch(/6:1 +warning Front matter key `creator` has no place in book\.yaml \(did you mean `author`\?\): left out/)
  })

  it('names the book from its title as import names the folder: an apostrophe is no word break', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-import-'))
    await writeFile(join(folder, 'story.md'), "---\ntitle: The Keeper's Daughter\nauthor: A. Writer\nlang: en\n---\n\n# One\n\nThe first words.\n\n# Two\n\nThe last words.\n")
    const built = await colophon(['build', 'story.md', '--no-cache'], { cwd: folder })
    expect(built.code, built.stderr).toBe(0)
    expect(built.stderr).toContain('wrote dist/the-keepers-daughter.epub')
    const imported = await colophon(['import', 'story.md'], { cwd: folder })
    expect(imported.code, imported.stderr).toBe(0)
    expect(await tree(join(folder, 'the-keepers-daughter'))).toContain('book.yaml')
  })

  it('never writes the book over the story file', async () => {
    const folder = await withStory()
    const run = await colophon(['build', 'story.md', '--out', 'story.md'], { cwd: folder })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/is the story file itself/)
    expect(await readFile(join(folder, 'story.md'), 'utf8')).toBe(await readFile(STORY, 'utf8'))
  })

  it('rebuilds when the file is saved, with --watch', async () => {
    const folder = await withStory()
    const child = spawn(process.execPath, [BIN, 'build', 'story.md', '--watch', '--out', 'book.epub'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    const seen = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${stderr}`)), 60_000)
        const check = (): void => {
          if (pattern.test(stderr)) {
            clearTimeout(timer)
            child.stderr.off('data', check)
            resolve()
          }
        }
        child.stderr.on('data', check)
        check()
      })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    try {
      await seen(/watching story\.md/)
      const before = (await stat(join(folder, 'book.epub'))).size
      await writeFile(join(folder, 'story.md'), `${await readFile(STORY, 'utf8')}\n# Chapter 3: Home\n\nShe went home at last, and slept for a whole day.\n`)
      await seen(/rebuilt in \d+ ms/)
      const zip = await openEpub(new Uint8Array(await readFile(join(folder, 'book.epub'))))
      expect(zip.file('EPUB/text/chapter-3.xhtml')).not.toBeNull()
      expect((await stat(join(folder, 'book.epub'))).size).not.toBe(before)
    } finally {
      child.kill('SIGINT')
      await new Promise((resolve) => child.once('close', resolve))
    }
    expect((await readdir(folder)).sort()).toEqual(['book.epub', 'story.md'])
  })
})

describe('colophon preview FILE', () => {
  it('serves the story file as a book and serves it again when the file is saved', async () => {
    const folder = await withStory()
    const child = spawn(process.execPath, [BIN, 'preview', 'story.md', '--no-open'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const seen = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (let waited = 0; waited < 60_000; waited += 50) {
        const match = pattern.exec(stderr)
        if (match) return match
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`timed out waiting for ${pattern}:\n${stderr}`)
    }
    const chapters = async (url: string): Promise<string[]> => {
      const zip = await openEpub(new Uint8Array(await (await fetch(new URL('book.epub', url))).arrayBuffer()))
      return Object.keys(zip.files).filter((name) => /chapter-\d+\.xhtml$/.test(name)).sort()
    }
    try {
      const url = (await seen(/previewing story\.md at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] as string
      expect(await chapters(url)).toEqual(['EPUB/text/chapter-1.xhtml', 'EPUB/text/chapter-2.xhtml'])
      await writeFile(join(folder, 'story.md'), `${await readFile(STORY, 'utf8')}\n# Chapter 3: Home\n\nShe went home at last.\n`)
      await seen(/built the-lantern-keeper\.epub \(\d+ KiB\) after story\.md/)
      expect(await chapters(url)).toEqual(['EPUB/text/chapter-1.xhtml', 'EPUB/text/chapter-2.xhtml', 'EPUB/text/chapter-3.xhtml'])
      // A failed build names the story file's line, not the private folder it was imported into.
      const story = `${await readFile(STORY, 'utf8')}\n# Chapter 3: Home\n\nShe went home at last.\n\n![The gate](gate.png)\n`
      await writeFile(join(folder, 'story.md'), story)
      await seen(/build failed after story\.md/)
      const line = story.split('\n').indexOf('![The gate](gate.png)') + 1
      expect(stderr).toMatch(new RegExp(`(^|\\n)story\\.md:${line}:1: error .*gate\\.png`))
      expect(stderr).not.toMatch(/story\.md\/chapters\//)
    } finally {
      child.kill('SIGINT')
      await new Promise((resolve) => child.once('close', resolve))
    }
    expect(await readdir(folder)).toEqual(['story.md'])
  })
})

describe('colophon init', () => {
  it('says what import and init do, with an example', async () => {
    for (const command of ['import', 'init']) {
      const run = await colophon([command, '--help'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`Usage: colophon ${command}`))
      expect(run.stdout).toMatch(/Example/)
    }
  })

  it('makes a book that builds into a valid EPUB, with a workflow and .gitignore', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'colophon-init-'))
    const run = await colophon(['init', 'my-book'], { cwd: parent })
    expect(run.code, run.stderr).toBe(0)
    const folder = join(parent, 'my-book')
    expect(await tree(folder)).toEqual([
      '.github/workflows/book.yml',
      '.gitignore',
      'manuscript/book.yaml',
      'manuscript/chapters/01-chapter-one/01-first-scene.md',
      'manuscript/chapters/01-chapter-one/chapter.yaml',
    ])
    const yaml = await readFile(join(folder, 'manuscript/book.yaml'), 'utf8')
    expect(yaml).toMatch(/^title: "My book"$/m)
    expect(yaml).toMatch(/^identifier: "urn:uuid:[0-9a-f-]{36}"$/m)
    // Every key of book.yaml is there, set or commented out.
    for (const key of ['title', 'subtitle', 'sort-title', 'author', 'language', 'identifier', 'publisher', 'date', 'edition', 'description', 'subjects', 'series', 'rights', 'cover-alt', 'order', 'fandoms', 'rating', 'warnings', 'relationships', 'characters', 'tags', 'source', 'status', 'words']) {
      expect(yaml, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'))
    }
    expect(await readFile(join(folder, '.gitignore'), 'utf8')).toMatch(/^dist\/$[\s\S]*^node_modules\/$/m)
    const workflow = await readFile(join(folder, '.github/workflows/book.yml'), 'utf8')
    expect(workflow).toMatch(/node-version: lts\/\*/)
    expect(workflow).toMatch(/colophon build --target all/)
    expect(workflow).toMatch(/colophon check "\$book"/)
    expect(workflow).toMatch(/colophon lint --format github/)
    expect(workflow).toMatch(/actions\/upload-artifact@v4/)

    const built = await colophon(['build', '--frail'], { cwd: folder })
    expect(built.code, built.stderr).toBe(0)
    // One chapter and one scene are counted as such, not as `1 chapters, 1 scenes`.
    expect(built.stderr).toMatch(/^colophon: load: 1 chapter, 1 scene \(/m)
    await validate(new Uint8Array(await readFile(join(folder, 'dist/my-book.epub'))))
  })

  it('has an example for every optional key of book.yaml that builds when uncommented', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-init-'))
    expect((await colophon(['init', '--no-ci'], { cwd: folder })).code).toBe(0)
    const path = join(folder, 'manuscript/book.yaml')
    // Uncomment each `# key: …` and its block (`#   - …`); not the second form of author, nor order (it names folders).
    let block = false
    const lines = (await readFile(path, 'utf8')).split('\n').map((line) => {
      const key = /^# ([a-z-]+):/.exec(line)?.[1]
      if (key) block = key !== 'author' && key !== 'order'
      else if (!line.startsWith('#   ')) block = false
      return block ? line.slice(2) : line
    })
    await writeFile(path, lines.join('\n'))
    expect(lines.filter((line) => /^[a-z-]+:/.test(line)).length).toBeGreaterThan(20)
    const built = await colophon(['build', '--frail'], { cwd: folder })
    expect(built.code, built.stderr).toBe(0)
    await validate(new Uint8Array(await readFile(join(folder, `dist/${(await readdir(join(folder, 'dist')))[0]}`))))
  })

  it('leaves the workflow out with --no-ci, and makes the book in the current folder by default', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-init-'))
    const run = await colophon(['init', '--no-ci'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect((await readdir(folder)).sort()).toEqual(['.gitignore', 'manuscript'])
  })

  it('makes the book where `npm install --save-dev colophon` was run: package.json, its lock and node_modules count as empty, and stay', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-init-'))
    await writeFile(join(folder, 'package.json'), '{ "name": "my-book", "private": true, "devDependencies": { "colophon": "^0.1.0" } }\n')
    await writeFile(join(folder, 'package-lock.json'), '{ "name": "my-book", "lockfileVersion": 3 }\n')
    await mkdir(join(folder, 'node_modules/colophon'), { recursive: true })
    await writeFile(join(folder, 'node_modules/colophon/package.json'), '{ "name": "colophon" }\n')
    const run = await colophon(['init'], { cwd: folder })
    expect(run.code, run.stderr).toBe(0)
    expect(await tree(folder)).toEqual([
      '.github/workflows/book.yml',
      '.gitignore',
      'manuscript/book.yaml',
      'manuscript/chapters/01-chapter-one/01-first-scene.md',
      'manuscript/chapters/01-chapter-one/chapter.yaml',
      'node_modules/colophon/package.json',
      'package-lock.json',
      'package.json',
    ])
    expect(await readFile(join(folder, 'package-lock.json'), 'utf8')).toBe('{ "name": "my-book", "lockfileVersion": 3 }\n')
  })

  it('refuses a folder that holds something: exit 2, nothing written', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-init-'))
    await writeFile(join(folder, 'draft.md'), 'My draft.\n')
    const run = await colophon(['init', '.'], { cwd: folder })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/`\.` is not empty \(draft\.md\)/)
    expect(await readdir(folder)).toEqual(['draft.md'])
  })
})

describe('bad story files', () => {
  const cases: Array<[string, string, Uint8Array | string]> = [
    ['an empty file', 'empty.md', ''],
    ['a binary file named .md', 'photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00, 0x80])],
    ['a corrupt DOCX', 'story.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['a corrupt EPUB', 'story.epub', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9])],
    ['a text named .docx', 'letter.docx', 'Dear reader,\n\nThis is not a DOCX.\n'],
    ['a zip named .txt', 'archive.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0])],
    ['HTML with no story', 'page.html', '<!DOCTYPE html><html><head><title></title></head><body><nav><a href="/">Home</a></nav></body></html>'],
    ['a file that is missing', 'nowhere.md', ''],
  ]
  for (const [what, name, data] of cases) {
    it(`${what}: exit 1 naming the file, no stack, nothing written`, async () => {
      for (const command of [['import', name], ['build', name]]) {
        const folder = await mkdtemp(join(tmpdir(), 'colophon-bad-'))
        if (name !== 'nowhere.md') await writeFile(join(folder, name), data)
        const run = await colophon(command, { cwd: folder })
        expect(run.code, `${command.join(' ')}\n${run.stderr}`).toBe(1)
        expect(run.stderr).toContain(name)
        expect(run.stderr).toMatch(/error/)
        expect(run.stderr).not.toMatch(STACK_TRACE)
        expect(await readdir(folder)).toEqual(name === 'nowhere.md' ? [] : [name])
      }
    })
  }
})
