import type { Nodes } from 'mdast'
import type { VFile } from 'vfile'
import type { LintFile, LintRule, Place, Report } from '../types.ts'

/** A scene-break marker as typed in one file (plain data: it crosses threads). */
export interface SceneBreakMarker {
  place: Place
  /** The marker as typed, spaces collapsed: `* * *`, `. o .`. */
  shown: string
  /** What makes two markers the same kind: the marker without spaces. */
  kind: string
}

/** The scene-break markers of one file, in order: the per-file half of T008. */
export function sceneBreakMarkers({ file, tree }: LintFile): SceneBreakMarker[] {
  const markers: SceneBreakMarker[] = []
  const value = String(file.value)
  const visit = (node: Nodes): void => {
    if (node.type === 'thematicBreak' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const typed = value.slice(node.position.start.offset, node.position.end.offset).trim()
      const { line, column, offset } = node.position.start
      markers.push({ place: { line, column, offset: offset ?? 0 }, shown: typed.replace(/\s+/g, ' '), kind: typed.replace(/\s+/g, '') })
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
  return markers
}

/** The book-wide half of T008: each marker unlike the book's first is reported. */
export function reportMixedSceneBreaks(files: ReadonlyArray<{ file: VFile; markers: readonly SceneBreakMarker[] }>, report: Report): void {
  const all = files.flatMap(({ file, markers }) => markers.map((marker) => ({ file, ...marker })))
  const first = all[0]
  if (!first) return
  for (const marker of all) {
    if (marker.kind === first.kind) continue
    report('T008', marker.file, marker.place, `Unexpected scene-break marker \`${marker.shown}\`, expected \`${first.shown}\` as at ${first.file.path}:${first.place.line}:${first.place.column} (one marker per book)`)
  }
}

/** Scene breaks typed with more than one kind of marker in a book: each marker unlike the first is reported. */
export const mixedSceneBreaks: LintRule = {
  id: 'T008',
  check(files, report) {
    reportMixedSceneBreaks(
      files.map((file) => ({ file: file.file, markers: sceneBreakMarkers(file) })),
      report,
    )
  },
}
