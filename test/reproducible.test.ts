import { cp, mkdtemp, readFile, utimes, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/index.ts'
import { colophon, ROOT } from './helpers/cli.ts'
import { entryText, openEpub } from './helpers/epub.ts'

/** Copy the sample manuscript to a fresh folder and give every file the given time. */
async function copyManuscript(time: Date): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'colophon-repro-'))
  await cp(join(ROOT, 'manuscript'), join(folder, 'manuscript'), { recursive: true })
  const touch = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) await touch(child)
      await utimes(child, time, time)
    }
  }
  await touch(folder)
  return folder
}

describe('same input, same bytes', () => {
  it('gives a byte-identical EPUB from two copies at different paths, file times, time zones and clocks', async () => {
    const first = await copyManuscript(new Date('2001-02-03T04:05:06Z'))
    const second = await copyManuscript(new Date('2024-12-31T23:59:59Z'))
    const env = { SOURCE_DATE_EPOCH: '', TZ: 'UTC' }
    const a = await colophon(['build', 'manuscript', '--out', 'out/book.epub'], { cwd: first, env })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const b = await colophon(['build', 'manuscript', '--out', 'out/book.epub'], { cwd: second, env: { ...env, TZ: 'Pacific/Kiritimati' } })
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    const bytesA = await readFile(join(first, 'out/book.epub'))
    const bytesB = await readFile(join(second, 'out/book.epub'))
    expect(bytesA.equals(bytesB)).toBe(true)
  })

  it('honours SOURCE_DATE_EPOCH for the modified date and the zip entry times', async () => {
    const result = await build(join(ROOT, 'manuscript'), { env: { SOURCE_DATE_EPOCH: '1700000000' } })
    const zip = await openEpub(result.epub)
    expect(await entryText(zip, 'EPUB/content.opf')).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>')
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    const again = await build(join(ROOT, 'manuscript'), { env: { SOURCE_DATE_EPOCH: '1700000000' } })
    expect(Buffer.from(again.epub).equals(Buffer.from(result.epub))).toBe(true)
  })

  it('takes the date from book.yaml when SOURCE_DATE_EPOCH is not set', async () => {
    const result = await build(join(ROOT, 'manuscript'), { env: {} })
    const zip = await openEpub(result.epub)
    expect(await entryText(zip, 'EPUB/content.opf')).toContain('<meta property="dcterms:modified">2013-05-20T00:00:00Z</meta>')
  })
})
