import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { colophon, ROOT } from './helpers/cli.ts'
import { epubcheckTs, openEpub } from './helpers/epub.ts'
import { parseReport, STACK_TRACE } from './helpers/report.ts'

const FIXTURE = join(ROOT, 'test/fixtures/import-images')

/** A fresh copy of the fixture: the stories and the images beside them, in a folder of their own inside `work`. */
async function withStories(): Promise<{ work: string; folder: string }> {
  const work = await mkdtemp(join(tmpdir(), 'colophon-images-'))
  const folder = join(work, 'story')
  await cp(FIXTURE, folder, { recursive: true })
  return { work, folder }
}

/** The images an EPUB carries, by their path in the package, and their bytes. */
async function imagesIn(epub: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await openEpub(epub)
  const images = new Map<string, Uint8Array>()
  for (const [path, entry] of Object.entries(zip.files)) {
    if (/\/images\/[^/]+\.(png|jpg|gif|svg)$/.test(path) && !/scene-break|cover/.test(path)) images.set(path, await entry.async('uint8array'))
  }
  return images
}

async function expectValid(epub: Uint8Array): Promise<void> {
  const report = await epubcheckTs(epub)
  expect(report.messages).toEqual([])
  expect(report.errors + report.warnings).toBe(0)
}

describe('images beside a story file', () => {
  for (const name of ['story.md', 'story.html']) {
    it(`are carried into the book of ${name} as pandoc carries them, once each, and the EPUB is valid`, async () => {
      const { folder } = await withStories()
      const run = await colophon(['build', name, '--out', 'book.epub'], { cwd: folder })
      expect(run.code, run.stderr).toBe(0)
      const epub = new Uint8Array(await readFile(join(folder, 'book.epub')))
      const images = await imagesIn(epub)
      // `dot.png` and `./dot.png` are one file, and so one image in the book.
      expect([...images.values()].map((data) => Buffer.from(data).toString('base64')).sort()).toEqual(
        [await readFile(join(FIXTURE, 'dot.png'), 'base64'), await readFile(join(FIXTURE, 'art/photo.jpg'), 'base64')].sort(),
      )
      await expectValid(epub)
    })

    it(`are written to images/ by \`import ${name}\`, and the folder builds to the same bytes as the file`, async () => {
      const { folder } = await withStories()
      const imported = await colophon(['import', name, '--out', 'book'], { cwd: folder })
      expect(imported.code, imported.stderr).toBe(0)
      expect((await readdir(join(folder, 'book/images'))).sort()).toEqual(['dot.png', 'photo.jpg'])
      expect(await readFile(join(folder, 'book/images/photo.jpg'))).toEqual(await readFile(join(FIXTURE, 'art/photo.jpg')))
      const scenes = await readdir(join(folder, 'book/chapters'), { recursive: true })
      const texts = await Promise.all(scenes.filter((path) => path.endsWith('.md')).map((path) => readFile(join(folder, 'book/chapters', path), 'utf8')))
      expect(texts.join('\n')).toContain('](../../images/dot.png')
      const fromFolder = await colophon(['build', 'book', '--out', 'folder.epub'], { cwd: folder })
      expect(fromFolder.code, fromFolder.stderr).toBe(0)
      const fromFile = await colophon(['build', name, '--out', 'file.epub'], { cwd: folder })
      expect(fromFile.code, fromFile.stderr).toBe(0)
      expect(await readFile(join(folder, 'file.epub'))).toEqual(await readFile(join(folder, 'folder.epub')))
    })
  }

  it('are told by their bytes as the load tells them: an SVG whose doctype has an internal subset (older Illustrator exports) is carried, and a GIF-like file that is none is not', async () => {
    const { folder } = await withStories()
    const illustrator = '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 10.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'
    await writeFile(join(folder, 'art/tower.svg'), illustrator)
    await writeFile(join(folder, 'not.gif'), 'GIF8 but no image here')
    await writeFile(join(folder, 'kinds.md'), '# The Island Map\n\n## One\n\nThe tower: ![The tower](art/tower.svg)\n\n## Two\n\nNot a picture: ![Nothing](not.gif)\n')
    const run = await colophon(['import', 'kinds.md', '--out', 'kinds'], { cwd: folder })
    expect(run.stderr).not.toMatch(/`art\/tower\.svg` that is not an image/)
    expect(run.stderr).toMatch(/`not\.gif` that is not an image by its content/)
    expect((await readdir(join(folder, 'kinds/images'))).sort()).toEqual(['tower.svg'])
    expect(await readFile(join(folder, 'kinds/images/tower.svg'), 'utf8')).toBe(illustrator)
  })

  it('pass the checks a manuscript\'s images pass: an SVG with a script and a PNG bomb are errors naming the image files beside the story', async () => {
    const { folder } = await withStories()
    await cp(join(ROOT, 'test/fixtures/broken/image-svg-script/manuscript/chapters/01-one/evil.svg'), join(folder, 'art/evil.svg'))
    await cp(join(ROOT, 'test/fixtures/broken/png-bomb-image/manuscript/chapters/01-one/huge.png'), join(folder, 'bomb.png'))
    const source = '# The Island Map\n\n## One\n\nA drawing: ![A drawing of the tower](art/evil.svg)\n\n## Two\n\nA huge one: ![A very large picture](bomb.png)\n'
    await writeFile(join(folder, 'checked.md'), source)
    const run = await colophon(['build', 'checked.md', '--out', 'book.epub'], { cwd: folder })
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).not.toContain('checked.md/')
    expect(run.stderr).not.toContain('../images/')
    const errors = parseReport(run.stderr).filter((message) => message.severity === 'error')
    // The script, at its place in the SVG file as the user has it.
    expect(errors.find((message) => message.file === 'art/evil.svg')?.reason).toContain('<script>')
    expect(errors.find((message) => message.file === 'checked.md' && message.line === 5)?.reason).toContain('`art/evil.svg`')
    expect(errors.find((message) => message.file === 'checked.md' && message.line === 9)?.reason).toMatch(/megapixels/)
  })

  it('are read only inside the story\'s folder: a missing file, `..`, an absolute path, a link leading out and a FIFO are errors at their lines, never read', async () => {
    const { work, folder } = await withStories()
    const secret = 'SECRET-BYTES-OUTSIDE-THE-STORY'
    await writeFile(join(work, 'secret.png'), secret)
    await mkdir(join(work, 'elsewhere'))
    await writeFile(join(work, 'elsewhere/also.png'), secret)
    await symlink('../secret.png', join(folder, 'link.png'))
    await symlink('../elsewhere', join(folder, 'linked-folder'))
    let fifo = false
    try {
      execFileSync('mkfifo', [join(folder, 'pipe.png')])
      fifo = true
    } catch {
      // No mkfifo here: the other cases still hold.
    }
    const lines = [
      '# The Island Map',
      '',
      '## One',
      '',
      'The chart was there. ![A dot](dot.png)',
      '',
      'Missing: ![A picture that is not there](nope.png)',
      '',
      'Up and out: ![The secret](../secret.png)',
      '',
      `Absolute: ![The secret again](${join(work, 'secret.png')})`,
      '',
      'A link out: ![Linked](link.png)',
      '',
      'Through a linked folder: ![Also](linked-folder/also.png)',
      '',
      ...(fifo ? ['A pipe: ![Piped](pipe.png)', ''] : []),
      '## Two',
      '',
      'Remote stays refused: ![Remote](http://example.com/map.png)',
    ]
    const source = `${lines.join('\n')}\n`
    await writeFile(join(folder, 'hostile.md'), source)
    const lineOf = (needle: string): number => lines.findIndex((line) => line.includes(needle)) + 1

    const built = await colophon(['build', 'hostile.md', '--out', join(work, 'book.epub')], { cwd: folder })
    expect(built.code, built.stderr).toBe(1)
    expect(built.stderr).not.toMatch(STACK_TRACE)
    expect(built.stderr).not.toContain('hostile.md/chapters/')
    const errors = parseReport(built.stderr).filter((message) => message.severity === 'error')
    const expected = [
      ['nope.png', 'missing image `nope.png`'],
      ['../secret.png', 'outside the folder of hostile.md'],
      [join(work, 'secret.png'), 'absolute image path'],
      ['link.png', 'leads outside the folder of hostile.md through a symbolic link'],
      ['linked-folder/also.png', 'leads outside the folder of hostile.md'],
      ...(fifo ? [['pipe.png', 'named pipe']] : []),
      ['http://example.com/map.png', 'remote image'],
    ]
    for (const [url, words] of expected) {
      const error = errors.find((message) => message.reason.includes(`\`${url}\``))
      expect(error, `an error about ${url}`).toMatchObject({ file: 'hostile.md', line: lineOf(url!) })
      expect(error!.reason).toContain(words)
    }
    expect(errors).toHaveLength(expected.length)
    await expect(readFile(join(work, 'book.epub'))).rejects.toThrow()

    // `import` writes the folder with a warning at each, the text as typed, and nothing from outside.
    const imported = await colophon(['import', 'hostile.md', '--out', join(work, 'imported')], { cwd: folder })
    expect(imported.code, imported.stderr).toBe(0)
    const warnings = parseReport(imported.stderr).filter((message) => message.severity === 'warning')
    expect(warnings.map((message) => message.line)).toEqual(expected.slice(0, -1).map(([url]) => lineOf(url!)))
    expect(await readdir(join(work, 'imported/images'))).toEqual(['dot.png'])
    const files = await readdir(join(work, 'imported'), { recursive: true })
    for (const path of files.filter((name) => /\.(md|png)$/.test(name))) {
      expect(await readFile(join(work, 'imported', path), 'utf8')).not.toContain(secret)
    }
  })
})
