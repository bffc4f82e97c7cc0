import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManuscript } from '../bench/lib/write.ts'
import { build } from '../src/index.ts'
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
})
