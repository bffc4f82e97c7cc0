import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { build, type BuildResult } from '../../src/index.ts'
import { ROOT } from './cli.ts'

/** The two books every whole-book test reads: the sample and the one that uses every feature. */
export const BOOKS = {
  sample: join(ROOT, 'manuscript'),
  full: join(ROOT, 'test/fixtures/books/full'),
} as const

export interface BuiltBook {
  result: BuildResult
  zip: JSZip
  /** The EPUB written to a temporary folder, for tools that read files. */
  path: string
}

export async function buildBook(folder: string): Promise<BuiltBook> {
  const result = await build(folder, { env: {} })
  const dir = await mkdtemp(join(tmpdir(), 'colophon-book-'))
  const path = join(dir, result.fileName)
  await writeFile(path, result.epub)
  return { result, zip: await JSZip.loadAsync(result.epub), path }
}

/** Rebuild an EPUB's zip the OCF way (mimetype first, stored) after changing entries. */
export async function rezip(zip: JSZip, change: (zip: JSZip) => void): Promise<Uint8Array> {
  const out = new JSZip()
  out.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]
    if (!entry || entry.dir || name === 'mimetype') continue
    out.file(name, await entry.async('uint8array'))
  }
  change(out)
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** The `<dt>`/`<dd>` pairs of a page, as a map from term to value text. */
export function definitions(xhtml: string): Map<string, string> {
  const pairs = [...xhtml.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)]
  return new Map(pairs.map((match) => [strip(match[1] ?? ''), strip(match[2] ?? '')]))
}

function strip(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim()
}
