import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pruneBundles, sourceHash } from '../src/launch.js'

const DAY = 24 * 60 * 60 * 1000
let folder: string | undefined

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

describe('the launcher’s bundle cache', () => {
  it('keeps the current bundle, the four used last and any used within a day, and removes the rest', async () => {
    folder = await mkdtemp(join(tmpdir(), 'colophon-bundles-'))
    const now = Date.now()
    // Ten earlier bundles, used 1 to 10 days ago, a staging folder a killed run left, and one used an hour ago.
    const ages: Array<[string, number]> = [...Array.from({ length: 10 }, (_, day): [string, number] => [`old-${day + 1}`, (day + 1) * DAY]), ['half.123.tmp', 2.5 * DAY], ['recent', DAY / 24], ['current', 20 * DAY]]
    for (const [name, age] of ages) {
      await mkdir(join(folder, name))
      await writeFile(join(folder, name, 'cli.js'), '')
      const time = new Date(now - age)
      await utimes(join(folder, name), time, time)
    }
    pruneBundles(folder, join(folder, 'current'), now)
    expect((await readdir(folder)).sort()).toEqual(['current', 'old-1', 'old-2', 'recent', 'half.123.tmp'].sort())
  })

  it('does nothing where there is no cache folder', () => {
    expect(() => pruneBundles(join(tmpdir(), 'colophon-no-such-folder'), undefined)).not.toThrow()
  })

  it('names a bundle by its sources’ contents, read again only when a file stats differently', async () => {
    folder = await mkdtemp(join(tmpdir(), 'colophon-sources-'))
    const cache = join(folder, 'cache')
    await mkdir(join(folder, 'src', 'cli'), { recursive: true })
    await writeFile(join(folder, 'src', 'cli', 'index.ts'), 'export const a = 1\n')
    await writeFile(join(folder, 'src', 'notes.md'), 'not a source')
    const time = new Date('2020-01-01T00:00:00Z')
    await utimes(join(folder, 'src', 'cli', 'index.ts'), time, time)
    const first = await sourceHash(cache, folder)
    expect(first).toMatch(/^[0-9a-f]{16}$/)
    const [stamp] = (await readdir(cache)).filter((name) => name.startsWith('stamp-'))
    expect((await readFile(join(cache, stamp as string), 'utf8')).split('\n')[0]).toBe(first)
    expect(await sourceHash(cache, folder)).toBe(first)
    // The same size and modification time, other contents: the change time still tells.
    await writeFile(join(folder, 'src', 'cli', 'index.ts'), 'export const b = 1\n')
    await utimes(join(folder, 'src', 'cli', 'index.ts'), time, time)
    const second = await sourceHash(cache, folder)
    expect(second).not.toBe(first)
    // Back to the first contents: the first name again, whatever the times.
    await writeFile(join(folder, 'src', 'cli', 'index.ts'), 'export const a = 1\n')
    expect(await sourceHash(cache, folder)).toBe(first)
    // Only sources count.
    await writeFile(join(folder, 'src', 'notes.md'), 'still not a source')
    expect(await sourceHash(cache, folder)).toBe(first)
  })
})
