import { VFile } from 'vfile'
import { createNormaliser, normaliseFile } from '../normalise/index.ts'
import { toXhtmlFragment } from './to-xhtml.ts'

/** Everything besides its own text that a scene's XHTML depends on. */
export interface TextSettings {
  wordJoiner: 'u2060' | 'feff'
  /** Accessible name of a scene break, in the book's language. */
  sceneBreakLabel: string
}

/** A text to render, as plain data so it can cross to a worker thread. */
export interface TextSource {
  path?: string
  cwd?: string
  value: string
}

/**
 * Make the function that turns one scene, page or note into its XHTML
 * fragment: normalise (parse, scene breaks, typography), then serialise.
 * Messages land on the vfile given.
 */
export function createTextRenderer(settings: TextSettings): (file: VFile) => string {
  const processor = createNormaliser({ wordJoiner: settings.wordJoiner })
  const options = { sceneBreakLabel: settings.sceneBreakLabel }
  return (file) => toXhtmlFragment(normaliseFile(file, processor).tree, options)
}

export function sourceFile(source: TextSource): VFile {
  return new VFile({ path: source.path, cwd: source.cwd, value: source.value })
}
