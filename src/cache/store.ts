import { createHash } from 'node:crypto'
import type { PackCache, PackedEntry } from '../package/zip.ts'
import type { RenderMemo } from '../render/index.ts'
import type { TextResult } from '../workers/tasks.ts'
import { pipelineVersion } from './version.ts'

/** The cache's contents as plain data: what goes to disk. Documents are keyed by their SHA-1 there. */
export interface CacheData {
  version: string
  texts: Array<[string, TextResult]>
  packed: Array<[string, PackedEntry]>
  wellFormed: string[]
  titles?: Array<[string, string]>
}

const hashOf = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('base64url')

/**
 * Results keyed by a document's content. In memory a text is its own key (a
 * Map compares long strings by content, with no hashing of ours); bytes,
 * and everything read from disk, are keyed by SHA-1. A text found by its
 * digest moves to the first kind.
 */
class ByContent<V> {
  #byText = new Map<string, V>()
  #byDigest: Map<string, V>
  #used = { texts: new Set<string>(), digests: new Set<string>() }

  constructor(fromDisk: Iterable<[string, V]> = []) {
    this.#byDigest = new Map(fromDisk)
  }

  get(content: string | Uint8Array): V | undefined {
    if (typeof content !== 'string') {
      const digest = hashOf(content)
      const hit = this.#byDigest.get(digest)
      if (hit !== undefined) this.#used.digests.add(digest)
      return hit
    }
    let hit = this.#byText.get(content)
    if (hit === undefined && this.#byDigest.size > 0) {
      hit = this.#byDigest.get(hashOf(content))
      if (hit !== undefined) this.#byText.set(content, hit)
    }
    if (hit !== undefined) this.#used.texts.add(content)
    return hit
  }

  set(content: string | Uint8Array, value: V): void {
    if (typeof content === 'string') {
      this.#byText.set(content, value)
      this.#used.texts.add(content)
    } else {
      const digest = hashOf(content)
      this.#byDigest.set(digest, value)
      this.#used.digests.add(digest)
    }
  }

  begin(): void {
    this.#used = { texts: new Set(), digests: new Set() }
  }

  /** Keep what the last build used. */
  prune(): void {
    for (const key of this.#byText.keys()) if (!this.#used.texts.has(key)) this.#byText.delete(key)
    for (const key of this.#byDigest.keys()) if (!this.#used.digests.has(key)) this.#byDigest.delete(key)
  }

  /** Everything keyed by digest, for the disk. */
  entries(): Array<[string, V]> {
    return [...[...this.#byText].map(([text, value]): [string, V] => [hashOf(text), value]), ...this.#byDigest]
  }
}

/**
 * What one build can reuse from the last: each text's rendered XHTML and
 * messages (keyed by its content, the pipeline's version and the settings
 * it was rendered with), each zip entry's deflated bytes, which XML
 * documents were found well-formed (keyed by their content) and typeset
 * titles. Everything is keyed by content, so a hit is always the result a
 * fresh build would give. Entries a build did not use are dropped when it
 * ends.
 */
export class BuildCache implements PackCache {
  readonly version: string
  #texts = new Map<string, TextResult>()
  #packed: ByContent<PackedEntry>
  #wellFormed: ByContent<true>
  #titles = new Map<string, string>()
  /** A text's key by settings and content, across builds. */
  #textKeys = new Map<string, Map<string, string>>()
  /** Chapter pages by what they are made of (see render/index.ts). */
  #pages = new Map<string, string>()
  #used = { texts: new Set<string>(), titles: new Set<string>(), textKeys: new Set<string>(), pages: new Set<string>() }
  /** Hits and misses of the last build, for progress lines and tests. */
  stats = { hits: 0, misses: 0 }

  constructor(data?: CacheData) {
    this.version = pipelineVersion()
    const usable = data !== undefined && data.version === this.version
    this.#packed = new ByContent(usable ? data.packed : [])
    this.#wellFormed = new ByContent<true>(usable ? data.wellFormed.map((key) => [key, true]) : [])
    if (usable) {
      this.#texts = new Map(data.texts)
      this.#titles = new Map(data.titles ?? [])
    }
  }

  /** The key of a text rendered with `settings` (any JSON-able value). */
  textKey(settings: unknown, value: string): string {
    const json = JSON.stringify(settings)
    let keys = this.#textKeys.get(json)
    if (!keys) {
      keys = new Map()
      this.#textKeys.set(json, keys)
    }
    // Watch mode hands the same string objects again: a Map finds them without reading them.
    let key = keys.get(value)
    if (key === undefined) {
      key = createHash('sha1').update(this.version).update(json).update('\u0000').update(value).digest('base64url')
      keys.set(value, key)
    }
    this.#used.textKeys.add(value)
    return key
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

  packed(content: string | Uint8Array): PackedEntry | undefined {
    return this.#packed.get(content)
  }

  remember(content: string | Uint8Array, entry: PackedEntry): void {
    this.#packed.set(content, entry)
  }

  isWellFormed(xml: string): boolean {
    return this.#wellFormed.get(xml) === true
  }

  rememberWellFormed(xml: string): void {
    this.#wellFormed.set(xml, true)
  }

  /** Typeset titles for the settings given, and chapter pages (in memory only) for `renderBook`. */
  renderMemo(settings: unknown): RenderMemo {
    const prefix = `${JSON.stringify(settings)}\u0000`
    return {
      title: (text) => {
        const hit = this.#titles.get(prefix + text)
        if (hit !== undefined) this.#used.titles.add(prefix + text)
        return hit
      },
      rememberTitle: (text, typeset) => {
        this.#titles.set(prefix + text, typeset)
        this.#used.titles.add(prefix + text)
      },
      page: (key) => {
        const hit = this.#pages.get(key)
        if (hit !== undefined) this.#used.pages.add(key)
        return hit
      },
      rememberPage: (key, xhtml) => {
        this.#pages.set(key, xhtml)
        this.#used.pages.add(key)
      },
    }
  }

  /** Start counting what a build uses. */
  begin(): void {
    this.#used = { texts: new Set(), titles: new Set(), textKeys: new Set(), pages: new Set() }
    this.#packed.begin()
    this.#wellFormed.begin()
    this.stats = { hits: 0, misses: 0 }
  }

  /** Drop what the build that just ended did not use, so the cache never outgrows the book. */
  prune(): void {
    const keep = <V>(map: Map<string, V>, used: Set<string>): Map<string, V> => new Map([...map].filter(([key]) => used.has(key)))
    this.#texts = keep(this.#texts, this.#used.texts)
    this.#titles = keep(this.#titles, this.#used.titles)
    for (const keys of this.#textKeys.values()) for (const value of keys.keys()) if (!this.#used.textKeys.has(value)) keys.delete(value)
    this.#pages = keep(this.#pages, this.#used.pages)
    this.#packed.prune()
    this.#wellFormed.prune()
  }

  data(): CacheData {
    return {
      version: this.version,
      texts: [...this.#texts],
      packed: this.#packed.entries(),
      wellFormed: this.#wellFormed.entries().map(([key]) => key),
      titles: [...this.#titles],
    }
  }
}
