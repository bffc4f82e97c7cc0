import { createHash } from 'node:crypto'
import type { PackCache, PackedEntry } from '../package/zip.ts'
import type { TextResult } from '../workers/tasks.ts'
import { pipelineVersion } from './version.ts'

/** The cache's contents as plain data: what goes to disk. */
export interface CacheData {
  version: string
  texts: Array<[string, TextResult]>
  packed: Array<[string, PackedEntry]>
  wellFormed: string[]
}

const hashOf = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('base64url')

/**
 * What one build can reuse from the last: each text's rendered XHTML and
 * messages (keyed by its content, the pipeline's version and the settings
 * it was rendered with), each zip entry's deflated bytes and which XML
 * documents were found well-formed (keyed by their content). Everything is
 * keyed by content, so a hit is always the result a fresh build would give.
 * Entries a build did not use are dropped when it ends.
 */
export class BuildCache implements PackCache {
  readonly version: string
  #texts = new Map<string, TextResult>()
  #packed = new Map<string, PackedEntry>()
  #wellFormed = new Set<string>()
  #used = { texts: new Set<string>(), packed: new Set<string>(), wellFormed: new Set<string>() }
  /** Hits and misses of the last build, for progress lines and tests. */
  stats = { hits: 0, misses: 0 }

  constructor(data?: CacheData) {
    this.version = pipelineVersion()
    if (data && data.version === this.version) {
      this.#texts = new Map(data.texts)
      this.#packed = new Map(data.packed)
      this.#wellFormed = new Set(data.wellFormed)
    }
  }

  /** The key of a text rendered with `settings` (any JSON-able value). */
  textKey(settings: unknown, value: string): string {
    return createHash('sha1').update(this.version).update(JSON.stringify(settings)).update('\u0000').update(value).digest('base64url')
  }

  text(key: string): TextResult | undefined {
    const hit = this.#texts.get(key)
    if (hit) {
      this.#used.texts.add(key)
      this.stats.hits++
    } else {
      this.stats.misses++
    }
    return hit
  }

  rememberText(key: string, result: TextResult): void {
    this.#texts.set(key, result)
    this.#used.texts.add(key)
  }

  packed(content: Uint8Array): PackedEntry | undefined {
    const key = hashOf(content)
    const hit = this.#packed.get(key)
    if (hit) this.#used.packed.add(key)
    return hit
  }

  remember(content: Uint8Array, entry: PackedEntry): void {
    const key = hashOf(content)
    this.#packed.set(key, entry)
    this.#used.packed.add(key)
  }

  isWellFormed(xml: string): boolean {
    const key = hashOf(xml)
    const hit = this.#wellFormed.has(key)
    if (hit) this.#used.wellFormed.add(key)
    return hit
  }

  rememberWellFormed(xml: string): void {
    const key = hashOf(xml)
    this.#wellFormed.add(key)
    this.#used.wellFormed.add(key)
  }

  /** Start counting what a build uses. */
  begin(): void {
    this.#used = { texts: new Set(), packed: new Set(), wellFormed: new Set() }
    this.stats = { hits: 0, misses: 0 }
  }

  /** Drop what the build that just ended did not use, so the cache never outgrows the book. */
  prune(): void {
    const keep = <V>(map: Map<string, V>, used: Set<string>): Map<string, V> => new Map([...map].filter(([key]) => used.has(key)))
    this.#texts = keep(this.#texts, this.#used.texts)
    this.#packed = keep(this.#packed, this.#used.packed)
    this.#wellFormed = new Set([...this.#wellFormed].filter((key) => this.#used.wellFormed.has(key)))
  }

  data(): CacheData {
    return { version: this.version, texts: [...this.#texts], packed: [...this.#packed], wellFormed: [...this.#wellFormed] }
  }
}
