import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pruneBundles } from '../src/launch.js'

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
})
