// The library run from its TypeScript source (as vitest runs it) starts
// real worker threads when asked: the threads find their scripts beside the
// code (src/root.ts `besideCode`), with no esbuild define telling them
// where the bundle is (docs/decisions/0029-bundle-when-packed.md).
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManuscript } from '../bench/lib/write.ts'
import { build } from '../src/index.ts'
import type { ProgressEvent } from '../src/progress/events.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

describe('worker threads run from source', () => {
  it('typeset, deflate and check on threads in process, and give the bytes of the main thread alone', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-source-threads-'))
    // 100,000 words: more than the characters from which asked-for threads take part.
    await writeManuscript(join(folder, 'book'), '100k', 3)
    const events: ProgressEvent[] = []
    const threaded = await build(join(folder, 'book'), { env, lint: false, threads: 1, onProgress: (event) => events.push(event) })
    const typeset = events.find((event) => event.type === 'end' && event.stage === 'typeset')
    expect(typeset && 'summary' in typeset ? typeset.summary : '').toMatch(/on worker threads$/)
    const single = await build(join(folder, 'book'), { env, lint: false, threads: 0 })
    expect(Buffer.from(threaded.epub).equals(Buffer.from(single.epub))).toBe(true)
  })
})
