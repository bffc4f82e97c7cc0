import { createHash } from 'node:crypto'
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { build, BuildCache } from '../src/index.ts'
import type { CacheData } from '../src/cache/store.ts'
import { colophon, ROOT } from './helpers/cli.ts'

const env = { SOURCE_DATE_EPOCH: '1700000000' }

async function copySample(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-cache-'))
  await cp(join(ROOT, 'manuscript'), join(folder, 'manuscript'), { recursive: true })
  return folder
}

describe('the build cache', () => {
  it('gives the same bytes with a cache as without, and reuses every unchanged text', async () => {
    const folder = await copySample()
    const manuscript = join(folder, 'manuscript')
    const plain = await build(manuscript, { env })
    const cache = new BuildCache()
    const first = await build(manuscript, { env, cache })
    expect(cache.stats.hits).toBe(0)
    const second = await build(manuscript, { env, cache })
    expect(cache.stats.misses).toBe(0)
    expect(cache.stats.hits).toBeGreaterThan(5)
    expect(Buffer.from(first.epub).equals(Buffer.from(plain.epub))).toBe(true)
    expect(Buffer.from(second.epub).equals(Buffer.from(plain.epub))).toBe(true)

    // One scene edited: one text rendered again, and the result is what a fresh build gives.
    const scene = join(manuscript, 'chapters/01-prologue/02-scotty.md')
    await writeFile(scene, `${await readFile(scene, 'utf8')}\nHe said "one more thing - really..."\n`)
    const edited = await build(manuscript, { env, cache })
    expect(cache.stats.misses).toBe(1)
    const fresh = await build(manuscript, { env })
    expect(Buffer.from(edited.epub).equals(Buffer.from(fresh.epub))).toBe(true)
    expect(Buffer.from(edited.epub).equals(Buffer.from(plain.epub))).toBe(false)
  })

  it('serves rendered texts from the cache with their footnote numbers and their warnings at the same places', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-cache-'))
    await cp(join(ROOT, 'test/fixtures/books/full'), join(folder, 'book'), { recursive: true })
    const manuscript = join(folder, 'book')
    const first = join(manuscript, 'chapters/01-la-barricade/01-nuit.md')
    await writeFile(first, `${await readFile(first, 'utf8')}\nBefore <script>alert("x")</script> after.\n`)
    const shown = (messages: Array<{ file?: string | null; line?: number | null; column?: number | null; reason: string }>): string[] =>
      messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.reason}`)
    const plain = await build(manuscript, { env, lint: false })
    expect(shown(plain.messages).join('\n')).toMatch(/01-nuit\.md:\d+:8 Unexpected `<script>` element, removed/)
    const cache = new BuildCache()
    await build(manuscript, { env, lint: false, cache })
    const again = await build(manuscript, { env, lint: false, cache })
    expect(cache.stats.misses).toBe(0)
    expect(Buffer.from(again.epub).equals(Buffer.from(plain.epub))).toBe(true)
    expect(shown(again.messages)).toEqual(shown(plain.messages))

    // A note added to the chapter's first scene renumbers the notes of the next: they are rendered again, not served.
    await writeFile(first, `${await readFile(first, 'utf8')}\nOne more.[^extra]\n\n[^extra]: An added note.\n`)
    const edited = await build(manuscript, { env, lint: false, cache })
    const fresh = await build(manuscript, { env, lint: false })
    expect(Buffer.from(edited.epub).equals(Buffer.from(fresh.epub))).toBe(true)
    expect(shown(edited.messages)).toEqual(shown(fresh.messages))
  })

  it('keeps results apart for different options: feff word joiners are not served from a u2060 build', async () => {
    const folder = await copySample()
    const manuscript = join(folder, 'manuscript')
    const cache = new BuildCache()
    await build(manuscript, { env, cache })
    const feff = await build(manuscript, { env, cache, wordJoiner: 'feff' })
    expect(cache.stats.hits).toBe(0)
    const fresh = await build(manuscript, { env, wordJoiner: 'feff' })
    expect(Buffer.from(feff.epub).equals(Buffer.from(fresh.epub))).toBe(true)
  })

  it('the CLI keeps it in $XDG_CACHE_HOME/colophon, outside the manuscript; a second build uses it; corrupt or deleted is safe', async () => {
    const folder = await copySample()
    const home = await mkdtemp(join(tmpdir(), 'colophon-cache-home-'))
    const cacheEnv = { ...env, XDG_CACHE_HOME: home }
    const build1 = await colophon(['build', 'manuscript', '--out', 'one.epub'], { cwd: folder, env: cacheEnv })
    expect(build1.code, build1.stderr).toBe(0)
    expect(await readdir(folder)).toEqual(['manuscript', 'one.epub'])
    const files = await readdir(join(home, 'colophon/books'))
    expect(files).toHaveLength(1)
    expect(build1.stderr).toMatch(/typeset: \d+ texts, 0 from the cache/)
    // The key that seals it is this user's alone.
    expect((await stat(join(home, 'colophon/key'))).mode & 0o777).toBe(0o600)

    const build2 = await colophon(['build', 'manuscript', '--out', 'two.epub'], { cwd: folder, env: cacheEnv })
    expect(build2.code, build2.stderr).toBe(0)
    expect(build2.stderr).toMatch(/typeset: (\d+) texts, \1 from the cache/)
    const one = await readFile(join(folder, 'one.epub'))
    expect((await readFile(join(folder, 'two.epub'))).equals(one)).toBe(true)

    // Flip bytes in the middle of the cache file: ignored with a warning, the book is built as usual.
    const path = join(home, 'colophon/books', files[0] as string)
    const bytes = await readFile(path)
    for (let index = bytes.length >> 1; index < (bytes.length >> 1) + 64 && index < bytes.length; index++) bytes[index] = (bytes[index] ?? 0) ^ 0xff
    await writeFile(path, bytes)
    const build3 = await colophon(['build', 'manuscript', '--out', 'three.epub'], { cwd: folder, env: cacheEnv })
    expect(build3.code, build3.stderr).toBe(0)
    expect(build3.stderr).toMatch(/0 from the cache/)
    expect(build3.stderr).toMatch(/warning: the build cache .* failed its check/)
    expect((await readFile(join(folder, 'three.epub'))).equals(one)).toBe(true)

    await writeFile(path, 'not a cache')
    const build4 = await colophon(['build', 'manuscript', '--out', 'four.epub'], { cwd: folder, env: cacheEnv })
    expect(build4.code, build4.stderr).toBe(0)
    expect((await readFile(join(folder, 'four.epub'))).equals(one)).toBe(true)

    await rm(join(home, 'colophon'), { recursive: true })
    const build5 = await colophon(['build', 'manuscript', '--out', 'five.epub'], { cwd: folder, env: cacheEnv })
    expect(build5.code, build5.stderr).toBe(0)
    expect((await readFile(join(folder, 'five.epub'))).equals(one)).toBe(true)
  })

  it('cannot be poisoned: an entry rewritten with <script> and its plain hash recomputed, or a cache sealed with another key, is a miss and a warning, never content', async () => {
    const folder = await copySample()
    const home = await mkdtemp(join(tmpdir(), 'colophon-cache-home-'))
    const cacheEnv = { ...env, XDG_CACHE_HOME: home }
    const first = await colophon(['build', 'manuscript', '--out', 'one.epub'], { cwd: folder, env: cacheEnv })
    expect(first.code, first.stderr).toBe(0)
    const [name] = await readdir(join(home, 'colophon/books'))
    const path = join(home, 'colophon/books', name as string)
    const bytes = await readFile(path)
    const head = 'colophon-cache 3\n'.length
    expect(bytes.subarray(0, head).toString()).toBe('colophon-cache 3\n')

    // The attack of issue 20: change what a cached chapter says, and make every plain checksum agree again.
    const data = deserialize(bytes.subarray(head + 32)) as CacheData
    let poisonedEntries = 0
    for (const [, part] of data.parts ?? []) {
      part.body = `<script>alert(1)</script>${part.body}`
      poisonedEntries++
    }
    for (const [, text] of data.texts) {
      if (!text.rendered) continue
      text.rendered.body = `<script>alert(1)</script>${text.rendered.body}`
      poisonedEntries++
    }
    expect(poisonedEntries).toBeGreaterThan(0)
    const payload = serialize(data)
    const poisoned = Buffer.concat([bytes.subarray(0, head), createHash('sha256').update(payload).digest(), payload])
    await writeFile(path, poisoned)
    const second = await colophon(['build', 'manuscript', '--out', 'two.epub'], { cwd: folder, env: cacheEnv })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toMatch(/warning: the build cache .* failed its check/)
    expect(second.stderr).toMatch(/0 from the cache/)
    const one = await readFile(join(folder, 'one.epub'))
    const two = await readFile(join(folder, 'two.epub'))
    expect(two.equals(one)).toBe(true)
    expect(two.includes('<script')).toBe(false)

    // A cache sealed on another machine (another key), copied in whole: not trusted either.
    const other = await mkdtemp(join(tmpdir(), 'colophon-cache-home-'))
    const elsewhere = await colophon(['build', 'manuscript', '--out', 'three.epub'], { cwd: folder, env: { ...env, XDG_CACHE_HOME: other } })
    expect(elsewhere.code, elsewhere.stderr).toBe(0)
    await cp(join(other, 'colophon/books', name as string), path)
    const third = await colophon(['build', 'manuscript', '--out', 'four.epub'], { cwd: folder, env: cacheEnv })
    expect(third.stderr).toMatch(/failed its check/)
    expect(third.stderr).toMatch(/0 from the cache/)

    // A key others may read is not used at all.
    await chmod(join(home, 'colophon/key'), 0o644)
    const fourth = await colophon(['build', 'manuscript', '--out', 'five.epub'], { cwd: folder, env: cacheEnv })
    expect(fourth.code, fourth.stderr).toBe(0)
    expect(fourth.stderr).toMatch(/key .* is not this user's own private file/)
    expect((await readFile(join(folder, 'five.epub'))).equals(one)).toBe(true)
  })

  it('two first builds at once make one key between them, and the next build trusts what they wrote', async () => {
    const folder = await copySample()
    const home = await mkdtemp(join(tmpdir(), 'colophon-cache-home-'))
    const cacheEnv = { ...env, XDG_CACHE_HOME: home }
    const runs = await Promise.all(['one', 'two'].map((name) => colophon(['build', 'manuscript', '--out', `${name}.epub`], { cwd: folder, env: cacheEnv })))
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).not.toMatch(/warning: the build cache/)
    }
    expect((await readdir(join(home, 'colophon'))).sort()).toEqual(['books', 'key'])
    const next = await colophon(['build', 'manuscript', '--out', 'three.epub'], { cwd: folder, env: cacheEnv })
    expect(next.stderr).toMatch(/typeset: (\d+) texts, \1 from the cache/)
    expect(next.stderr).not.toMatch(/warning: the build cache/)
  })

  it('--no-cache neither reads nor writes it', async () => {
    const folder = await copySample()
    // A cache home of this test's own: the test files run one after another in a worker share TEST_CACHE_HOME.
    const home = await mkdtemp(join(tmpdir(), 'colophon-cache-home-'))
    const run = await colophon(['build', 'manuscript', '--out', 'book.epub', '--no-cache'], { cwd: folder, env: { ...env, XDG_CACHE_HOME: home } })
    expect(run.code, run.stderr).toBe(0)
    expect(await readdir(folder)).toEqual(['book.epub', 'manuscript'])
    expect(await readdir(home)).toEqual([])
  })
})
