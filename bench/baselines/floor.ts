/**
 * The floor, as issue 6 measured it: read every text of the manuscript,
 * fix its quotes, deflate the texts into a zip. No Markdown is parsed, no
 * page rendered, nothing checked: a build that makes a real EPUB cannot be
 * faster than this on the same Node.
 *
 *   node bench/out/baselines/floor.js MANUSCRIPT OUT.zip
 */
import { writeFile } from 'node:fs/promises'
import { zipEpub } from '../../src/package/zip.ts'
import { markdownTexts } from './texts.ts'

const [folder, out] = process.argv.slice(2)
if (!folder || !out) {
  console.error('Usage: node floor.js MANUSCRIPT OUT.zip')
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

const texts = await markdownTexts(folder)
const zip = await zipEpub(texts.map(({ path, markdown }) => ({ path, data: curl(markdown) })), new Date(0))
await writeFile(out, zip)
