/**
 * Order entries by their numeric filename prefix (`01-`, `2_`, `10 `); entries
 * without one come after, by name. Pure: the caller reports duplicates.
 */
export interface Ordered<T> {
  name: string
  /** The numeric prefix, if the name has one. */
  rank?: number
  value: T
}

const prefix = /^(\d+)(?=[-_. ]|$)/

export function rankOf(name: string): number | undefined {
  const match = prefix.exec(name)
  return match ? Number(match[1]) : undefined
}

export function byPrefix<T>(entries: Ordered<T>[]): Ordered<T>[] {
  return [...entries].sort((a, b) => {
    if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank - b.rank
    if (a.rank !== undefined && b.rank === undefined) return -1
    if (a.rank === undefined && b.rank !== undefined) return 1
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  })
}

/** Names that share a numeric prefix with an earlier entry. */
export function duplicateRanks<T>(entries: Ordered<T>[]): Array<[Ordered<T>, Ordered<T>]> {
  const seen = new Map<number, Ordered<T>>()
  const clashes: Array<[Ordered<T>, Ordered<T>]> = []
  for (const entry of entries) {
    if (entry.rank === undefined) continue
    const first = seen.get(entry.rank)
    if (first) clashes.push([first, entry])
    else seen.set(entry.rank, entry)
  }
  return clashes
}

/** `01-the-prologue` → `The prologue`: a readable title from a file or folder name. */
export function titleFromName(name: string): string {
  const bare = name.replace(/\.[a-z]+$/i, '').replace(prefix, '').replace(/^[-_. ]+/, '').replace(/[-_]+/g, ' ').trim()
  return bare ? bare.charAt(0).toUpperCase() + bare.slice(1) : name
}
