import type { Nodes } from 'mdast'
import type { VFile } from 'vfile'
import type { LintRule, Place } from '../types.ts'

interface Marker {
  file: VFile
  place: Place
  /** The marker as typed, spaces collapsed: `* * *`, `. o .`. */
  shown: string
  /** What makes two markers the same kind: the marker without spaces. */
  kind: string
}

/** Scene breaks typed with more than one kind of marker in a book: each marker unlike the first is reported. */
export const mixedSceneBreaks: LintRule = {
  id: 'T008',
  check(files, report) {
    const markers: Marker[] = []
    for (const { file, tree } of files) {
      const value = String(file.value)
      const visit = (node: Nodes): void => {
        if (node.type === 'thematicBreak' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
          const typed = value.slice(node.position.start.offset, node.position.end.offset).trim()
          const { line, column, offset } = node.position.start
          markers.push({ file, place: { line, column, offset: offset ?? 0 }, shown: typed.replace(/\s+/g, ' '), kind: typed.replace(/\s+/g, '') })
        }
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
      }
      visit(tree)
    }
    const first = markers[0]
    if (!first) return
    for (const marker of markers) {
      if (marker.kind === first.kind) continue
      report('T008', marker.file, marker.place, `Unexpected scene-break marker \`${marker.shown}\`, expected \`${first.shown}\` as at ${first.file.path}:${first.place.line}:${first.place.column} (one marker per book)`)
    }
  },
}
