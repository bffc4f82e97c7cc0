import JSZip from 'jszip'
import { posix } from 'node:path'
import type { VFile } from 'vfile'
import { BookError } from '../../errors.ts'

/**
 * A DOCX or EPUB as the untrusted zip it is. Limits are checked before a
 * byte is inflated for good: the entry count from the central directory, and
 * each entry's real size as it inflates (a zip bomb can lie about its sizes
 * in the directory, so the stream is cut at the limit rather than trusted).
 * Entries are only ever looked up by name in the zip: nothing is read from
 * or written to the file system, so `../` in a name or a reference reaches
 * nothing; `resolveInside` refuses it anyway, to say so.
 */
export interface Package {
  /** Entry names (files only), as the zip spells them. */
  names: readonly string[]
  has(name: string): boolean
  /** The entry's bytes, or undefined when there is no such entry. */
  bytes(name: string): Promise<Uint8Array | undefined>
  /** The entry as UTF-8 text (a BOM dropped), or undefined. */
  text(name: string): Promise<string | undefined>
}

export const LIMITS = {
  /** Entries in the zip: a 300-chapter EPUB with images has well under 2,000. */
  entries: 10_000,
  /** All entries inflated together. A 1M-word DOCX's document.xml is about 60 MiB. */
  totalBytes: 512 * 1024 * 1024,
} as const

/** A fatal message on `file` naming `where`, thrown as the BookError the CLI prints. */
export function fail(file: VFile, reason: string, ruleId: string): never {
  const message = file.message(reason, { ruleId, source: 'colophon-import' })
  message.fatal = true
  throw new BookError([message])
}

export async function openPackage(file: VFile, kind: 'DOCX' | 'EPUB', limits: { entries: number; totalBytes: number } = LIMITS): Promise<Package> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(file.value as Uint8Array, { checkCRC32: true })
  } catch (error) {
    fail(file, `Unexpected corrupt ${kind} (${(error as Error).message.replace(/\.$/, '')}), expected a zip package`, `import-${kind.toLowerCase()}`)
  }
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir)
  if (names.length > limits.entries) {
    fail(file, `Unexpected ${kind} with ${names.length} entries, expected at most ${limits.entries}`, 'import-zip-limit')
  }
  let budget = limits.totalBytes
  const cache = new Map<string, Uint8Array>()
  const bytes = async (name: string): Promise<Uint8Array | undefined> => {
    const entry = zip.files[name]
    if (!entry || entry.dir) return undefined
    const known = cache.get(name)
    if (known) return known
    const data = await inflate(entry, budget).catch((error: Error) =>
      fail(file, `Unexpected ${error.message} in ${kind} entry \`${name}\`, expected an intact zip entry`, 'import-zip-limit'),
    )
    budget -= data.length
    cache.set(name, data)
    return data
  }
  return {
    names,
    has: (name) => Boolean(zip.files[name] && !zip.files[name]?.dir),
    bytes,
    text: async (name) => {
      const data = await bytes(name)
      return data ? new TextDecoder('utf-8').decode(data) : undefined
    },
  }
}

/** Inflate one entry, cutting it off once it passes `limit` bytes. */
function inflate(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let size = 0
    // internalStream is JSZip's own (the typings leave it out); unlike nodeStream it stops inflating when paused.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array')
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length
        if (size > limit) {
          stream.pause()
          reject(new Error(`size past ${Math.round(limit / 1024 / 1024)} MiB inflated`))
          return
        }
        chunks.push(chunk)
      })
      .on('error', (error: Error) => reject(new Error(`damage (${error.message.replace(/\.$/, '')})`)))
      .on('end', () => {
        const out = new Uint8Array(size)
        let at = 0
        for (const chunk of chunks) {
          out.set(chunk, at)
          at += chunk.length
        }
        resolve(out)
      })
      .resume()
  })
}

/**
 * A reference (`href`, `src`, a relationship target) from the part `from`
 * to the entry name it means, or undefined when it leaves the package
 * (`../` past the root, an absolute URL, `file:`) or is not a valid URL path.
 */
export function resolveInside(from: string, reference: string): string | undefined {
  const bare = reference.split('#')[0] ?? ''
  if (bare === '' || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('//')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(bare)
  } catch {
    return undefined
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : posix.join(posix.dirname(from), decoded)
  const normal = posix.normalize(joined)
  if (normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal)) return undefined
  return normal === '.' ? undefined : normal
}
