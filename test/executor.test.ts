// Where a build's work runs is behind one interface (src/workers/executor.ts):
// the main thread alone, or the pool of worker threads beside it. Both give
// the same results in the same order, and the pool takes maps asked for at
// once (the targets of one build zip at the same time) one after another.
import { readdir, readFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManuscript } from '../bench/lib/write.ts'
import { onMainThread } from '../src/workers/executor.ts'
import { Pool } from '../src/workers/pool.ts'
import { colophon } from './helpers/cli.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

describe('the executor', () => {
  it('gives the same results on the pool as on the main thread, in order, for maps asked for at once', async () => {
    const pages = Array.from({ length: 40 }, (_, index) => `<p xmlns="http://www.w3.org/1999/xhtml">${'word '.repeat(index * 50)}</p>`)
    pages[7] = '<p>an element left open'
    const deflate = pages.map((text) => ({ kind: 'deflate' as const, text, xml: true }))
    const check = pages.map((text) => ({ kind: 'xml' as const, text }))
    const here = onMainThread()
    const deflated = await here.map(deflate)
    const checked = await here.map(check)
    expect(checked[7]?.message).toMatch(/./)
    expect(deflated[7]?.xml).toEqual(checked[7])
    const pool = new Pool(1)
    try {
      const heard: number[] = []
      const together = await Promise.all([pool.map(deflate), pool.map(check, { onEach: (index) => heard.push(index) })])
      expect(together).toEqual([deflated, checked])
      expect([...heard].sort((a, b) => a - b)).toEqual(pages.map((_, index) => index))
    } finally {
      await pool.close()
    }
  })

  it('builds every target of a big book on worker threads, with the bytes of the main thread alone', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-executor-'))
    await writeManuscript(join(folder, 'book'), '100k', 5)
    const threaded = await colophon(['build', 'book', '--out', 'threaded', '--no-cache', '--threads', '1', '--target', 'all'], { cwd: folder, env })
    expect(threaded.code, threaded.stderr).toBe(0)
    expect(threaded.stderr).toMatch(/typeset: \d+ texts, on worker threads/)
    const single = await colophon(['build', 'book', '--out', 'single', '--no-cache', '--threads', '0', '--target', 'all'], { cwd: folder, env })
    expect(single.code, single.stderr).toBe(0)
    const names = await readdir(join(folder, 'single'))
    expect(names).toHaveLength(4)
    expect(await readdir(join(folder, 'threaded'))).toEqual(names)
    for (const name of names) expect((await readFile(join(folder, 'threaded', name))).equals(await readFile(join(folder, 'single', name))), name).toBe(true)
  })
})
