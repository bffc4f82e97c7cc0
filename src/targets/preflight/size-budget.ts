import { madeData } from '../publication.ts'
import type { PreflightRule } from './types.ts'

const encoder = new TextEncoder()
const MiB = 1024 * 1024

/**
 * Send-to-Kindle takes EPUBs up to 200 MB (50 MB by e-mail); the default
 * budget, 50 MiB of uncompressed files, keeps every route open with room
 * for the service's conversion.
 */
export const DEFAULT_MAX_BYTES = 50 * MiB

export const sizeBudget: PreflightRule = {
  id: 'size-budget',
  summary: 'the book’s files come to at most 50 MiB uncompressed (Send-to-Kindle’s limits: 200 MB by app, 50 MB by e-mail); the largest files are named when it is over',
  check({ publication, options }) {
    const sizes = publication.entries.map((entry) => {
      const data = madeData(entry)
      return { path: entry.path, bytes: typeof data === 'string' ? encoder.encode(data).byteLength : data.byteLength }
    })
    const total = sizes.reduce((sum, entry) => sum + entry.bytes, 0)
    if (total <= options.maxBytes) return []
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, 3)
    return [
      {
        path: largest[0]?.path ?? publication.opfPath,
        reason: `Unexpected book of ${format(total)}, expected at most ${format(options.maxBytes)}; largest files: ${largest.map((entry) => `${entry.path} (${format(entry.bytes)})`).join(', ')}`,
      },
    ]
  },
}

const format = (bytes: number): string => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`)
