import type { Publication } from '../../package/index.ts'
import { entryText, isXhtml } from '../publication.ts'
import { parseXml, type Root } from '../xml.ts'

/**
 * The XHTML files of a publication as trees, those that do not parse left
 * out: the verify stage reports malformed XML by itself.
 */
export function xhtmlTrees(publication: Publication): Map<string, { text: string; tree: Root }> {
  const trees = new Map<string, { text: string; tree: Root }>()
  for (const entry of publication.entries) {
    if (!isXhtml(entry.path)) continue
    const text = entryText(entry)
    try {
      trees.set(entry.path, { text, tree: parseXml(text) })
    } catch {
      // Reported by verify/well-formed.
    }
  }
  return trees
}

/** Offset of the first `needle` in `text`, for a line:column. */
export const offsetOf = (text: string, needle: string): number | undefined => {
  const at = text.indexOf(needle)
  return at === -1 ? undefined : at
}
