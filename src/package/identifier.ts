import { createHash } from 'node:crypto'
import type { Metadata } from '../load/metadata.ts'

/**
 * The book's identifier: the one `book.yaml` gives, else a UUID (version 5)
 * derived from title, authors and language, so it is stable across builds
 * and never random.
 */
export function bookIdentifier(metadata: Metadata): string {
  if (metadata.identifier) return metadata.identifier
  const name = ['colophon', metadata.title, ...metadata.authors.map((author) => author.name), metadata.language].join('\u0000')
  return `urn:uuid:${uuidV5(name)}`
}

/** RFC 9562 UUID version 5 in the URL namespace. */
function uuidV5(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
