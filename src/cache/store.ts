import { createHash } from 'node:crypto'
import type { CoverImage } from '../cover/index.ts'
import type { PackCache, PackedEntry } from '../package/zip.ts'
import type { RenderMemo } from '../render/index.ts'
import type { MemoStore } from './memo.ts'
import { recordMessage, reviveMessages, type MessageRecord } from './messages.ts'
import type { TextResult } from '../workers/tasks.ts'
import { pipelineVersion } from './version.ts'

/** The cache's contents as plain data: what goes to disk. Documents are keyed by their SHA-1 there. */
export interface CacheData {
  version: string
  texts: Array<[string, TextResult]>
  packed: Array<[string, PackedEntry]>
  wellFormed: string[]
  parts?: Array<[string, RenderedParts]>
  words?: Array<[string, number]>
  covers?: Array<[string, DrawnCover]>
}

/** A cover as the cache keeps it: drawn, its bytes made. */
export type DrawnCover = CoverImage & { data: Uint8Array }

/** One text rendered: its XHTML parts, the footnote number after it, and the messages rendering left. */
export interface RenderedParts {
  body: string
  notes: string
  next: number
  messages: MessageRecord[]
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
 * What one build can reuse from the last: each text's normalised Markdown
 * tree and messages (keyed by its content, the pipeline's version and the
 * settings it was normalised with), each text's rendered parts and word
 * count, the drawn cover, and each zip entry's deflated bytes. Everything is
 * keyed by content, so a hit is always the result a fresh build would give.
 * Entries a build did not use are dropped when it ends. Which XML documents
 * were found well-formed is kept by the same rules (the verify stage asks).
 */
export class BuildCache implements PackCache {
  readonly version: string
  #texts = new Map<string, TextResult>()
  #parts = new Map<string, RenderedParts>()
  #words = new Map<string, number>()
  #covers = new Map<string, DrawnCover>()
  #packed: ByContent<PackedEntry>
  #wellFormed: ByContent<true>
  /** A text's key by settings and content, across builds. */
  #textKeys = new Map<string, Map<string, string>>()
  /** Whole pages by their place, with what they were made from: kept in memory only (a watch), never on disk. */
  #pages = new Map<string, { inputs: readonly unknown[]; xhtml: string }>()
  #used = { texts: new Set<string>(), textKeys: new Set<string>(), parts: new Set<string>(), words: new Set<string>(), covers: new Set<string>(), pages: new Set<string>() }
  /** Hits and misses of the last build, for progress lines and tests. */
  stats = { hits: 0, misses: 0 }

  constructor(data?: CacheData) {
    this.version = pipelineVersion()
    const usable = data !== undefined && data.version === this.version
    this.#packed = new ByContent(usable ? data.packed : [])
    this.#wellFormed = new ByContent<true>(usable ? data.wellFormed.map((key) => [key, true]) : [])
    if (usable) {
      this.#texts = new Map(data.texts)
      this.#parts = new Map(data.parts ?? [])
      this.#words = new Map(data.words ?? [])
      this.#covers = new Map(data.covers ?? [])
    }
  }

  /** The key of a text normalised with `settings` (any JSON-able value). */
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

  /** Each text's typeset result by its key (`textKey`): the memo around the typeset step (src/build/run.ts) reads and fills it. */
  readonly texts: MemoStore<TextResult> = {
    get: (key) => {
      const hit = this.#texts.get(key)
      if (hit) {
        this.#used.texts.add(key)
        this.stats.hits++
      } else {
        this.stats.misses++
      }
      return hit
    },
    set: (key, result) => {
      this.#texts.set(key, result)
      this.#used.texts.add(key)
    },
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

  /**
   * Rendered parts and word counts for `renderBook`, each text found by its
   * key as it was typeset with `settings` (`textKey`).
   */
  renderMemo(settings: unknown): RenderMemo {
    return {
      parts: (text, options, make) => {
        const numbering = options.notes
        if (!numbering) return make()
        const textKey = this.textKey(settings, String(text.file.value))
        const images = options.images ? [...options.images] : null
        const key = `${textKey}\u0000${JSON.stringify([options.sceneBreakLabel, numbering.prefix, numbering.next, images, options.noteLabels ?? null])}`
        const hit = this.#parts.get(key)
        if (hit) {
          this.#used.parts.add(key)
          reviveMessages(text.file, hit.messages)
          numbering.next = hit.next
          return { body: hit.body, notes: hit.notes }
        }
        const before = text.file.messages.length
        const parts = make()
        this.#parts.set(key, { ...parts, next: numbering.next, messages: text.file.messages.slice(before).map(recordMessage) })
        this.#used.parts.add(key)
        return parts
      },
      page: (place, inputs, make) => {
        const known = this.#pages.get(place)
        this.#used.pages.add(place)
        if (known && known.inputs.length === inputs.length && known.inputs.every((input, index) => input === inputs[index])) return known.xhtml
        const xhtml = make()
        this.#pages.set(place, { inputs, xhtml })
        return xhtml
      },
      words: (text, language, count) => {
        const textKey = this.textKey(settings, String(text.file.value))
        const key = `${textKey}\u0000${language}`
        let words = this.#words.get(key)
        if (words === undefined) {
          words = count()
          this.#words.set(key, words)
        }
        this.#used.words.add(key)
        return words
      },
    }
  }

  /** The drawn cover kept for what is written on it (`key`). */
  keptCover(key: string): DrawnCover | undefined {
    const cover = this.#covers.get(key)
    if (cover) this.#used.covers.add(key)
    return cover
  }

  /** Keep a cover drawn for this build. */
  keepCover(key: string, cover: DrawnCover): void {
    this.#covers.set(key, cover)
    this.#used.covers.add(key)
  }

  /** Whether the cover with this text is kept (a build then need not start drawing it). */
  hasCover(key: string): boolean {
    return this.#covers.has(key)
  }

  /** Start counting what a build uses. */
  begin(): void {
    this.#used = { texts: new Set(), textKeys: new Set(), parts: new Set(), words: new Set(), covers: new Set(), pages: new Set() }
    this.#packed.begin()
    this.#wellFormed.begin()
    this.stats = { hits: 0, misses: 0 }
  }

  /** Drop what the build that just ended did not use, so the cache never outgrows the book. */
  prune(): void {
    const keep = <V>(map: Map<string, V>, used: Set<string>): Map<string, V> => new Map([...map].filter(([key]) => used.has(key)))
    this.#texts = keep(this.#texts, this.#used.texts)
    this.#parts = keep(this.#parts, this.#used.parts)
    this.#words = keep(this.#words, this.#used.words)
    this.#covers = keep(this.#covers, this.#used.covers)
    this.#pages = keep(this.#pages, this.#used.pages)
    for (const keys of this.#textKeys.values()) for (const value of keys.keys()) if (!this.#used.textKeys.has(value)) keys.delete(value)
    this.#packed.prune()
    this.#wellFormed.prune()
  }

  data(): CacheData {
    return {
      version: this.version,
      texts: [...this.#texts],
      parts: [...this.#parts],
      words: [...this.#words],
      covers: [...this.#covers],
      packed: this.#packed.entries(),
      wellFormed: this.#wellFormed.entries().map(([key]) => key),
    }
  }
}
