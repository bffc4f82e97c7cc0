/**
 * The floor, as issue 6 measured it: read every text of the manuscript,
 * fix its quotes, deflate the texts into a zip. No Markdown is parsed, no
 * page rendered, nothing checked: a build that makes a real EPUB cannot be
 * faster than this on the same Node. Like colophon's and epub-gen-memory's
 * books it has one entry per chapter, and it deflates them on libuv's thread
 * pool, so both cores work, as colophon's threads do on a big book.
 *
 *   node bench/out/baselines/floor.mjs MANUSCRIPT OUT.zip
 */
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { crc32, deflateRaw } from 'node:zlib'
import { DEFLATE_LEVEL, zipEpub, type PackedEntry } from '../../src/package/zip.ts'
import { chapterFolders, chapterTexts, markdownIn } from './texts.ts'

const [folder, out] = process.argv.slice(2)
if (!folder || !out) {
  console.error('Usage: node floor.mjs MANUSCRIPT OUT.zip')
  process.exit(2)
}

/** Straight quotes to curly ones, the crude way: opening after a space or at the start, closing elsewhere. */
function curl(text: string): string {
  return text
    .replace(/(^|[\s([{—-])"/gm, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{—-])'/gm, '$1\u2018')
    .replace(/'/g, '\u2019')
}

const deflate = promisify(deflateRaw)

async function packed(text: string): Promise<PackedEntry> {
  const content = Buffer.from(text, 'utf8')
  const data = await deflate(content, { level: DEFLATE_LEVEL })
  return { crc: crc32(content), size: content.byteLength, data, stored: false }
}

const entries = (await markdownIn(folder, 'front')).map(({ path, markdown }) => ({ path, data: curl(markdown) }))
for (const name of await chapterFolders(folder)) {
  const texts = await chapterTexts(folder, name)
  entries.push({ path: `chapters/${name}.md`, data: curl(texts.map(({ markdown }) => markdown).join('\n\n')) })
}
// Every chapter goes to the pool at once; zipEpub hands over the texts of 16k characters and more.
const zip = await zipEpub(entries, new Date('2000-01-01T00:00:00Z'), undefined, (texts) => Promise.all(texts.map(({ text }) => packed(text))))
await writeFile(out, zip)
