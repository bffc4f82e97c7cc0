import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleState } from '../src/launch.js'

let folder: string | undefined

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

/** A package folder with one source file and, when asked, a bundle made after it and a `.git`. */
async function fakePackage(options: { bundle: boolean; git: boolean }): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), 'colophon-launch-'))
  await mkdir(join(folder, 'src', 'cli'), { recursive: true })
  await writeFile(join(folder, 'src', 'cli', 'index.ts'), 'export const a = 1\n')
  if (options.git) await mkdir(join(folder, '.git'))
  if (options.bundle) {
    // Change times have a resolution of a few milliseconds on some file systems.
    await new Promise((resolve) => setTimeout(resolve, 20))
    await mkdir(join(folder, 'src', 'bundled'))
    await writeFile(join(folder, 'src', 'bundled', 'manifest.json'), '{ "sources": "0" }\n')
  }
  return join(folder, 'src')
}

describe('the launcher’s bundle', () => {
  it('is missing until made', async () => {
    expect(bundleState(await fakePackage({ bundle: false, git: true }))).toBe('missing')
  })

  it('in a checkout, is stale once a source file, or the list of files, changed after it was made', async () => {
    const src = await fakePackage({ bundle: true, git: true })
    expect(bundleState(src)).toBe('fresh')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(join(src, 'cli', 'index.ts'), 'export const b = 1\n')
    expect(bundleState(src)).toBe('stale')
  })

  it('in a checkout, is stale once a source file is added', async () => {
    const src = await fakePackage({ bundle: true, git: true })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(join(src, 'added.ts'), 'export const c = 1\n')
    expect(bundleState(src)).toBe('stale')
  })

  it('in an installed package (no .git), is taken as it was packed, whatever the files’ times', async () => {
    const src = await fakePackage({ bundle: true, git: false })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFile(join(src, 'cli', 'index.ts'), 'export const b = 1\n')
    expect(bundleState(src)).toBe('fresh')
  })
})

describe('a bundle put in place', () => {
  it('is fresh right after it is made, although putting it in place changed src/', async () => {
    const src = await fakePackage({ bundle: false, git: true })
    await new Promise((resolve) => setTimeout(resolve, 20))
    // As src/bundle.js does: made in a staging folder, then renamed into place (which changes src/).
    await mkdir(join(src, 'bundled.123.tmp'))
    await writeFile(join(src, 'bundled.123.tmp', 'manifest.json'), '{ "sources": "0" }\n')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await rename(join(src, 'bundled.123.tmp'), join(src, 'bundled'))
    expect(bundleState(src)).toBe('fresh')
  })
})
