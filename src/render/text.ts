import type { Nodes } from 'mdast'
import { VFile } from 'vfile'
import { loadImages, type BookImages } from '../load/images.ts'
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
 * Messages land on the vfile given. A text with images gives `undefined`:
 * its image files must be read first (`renderWithImages`, main thread).
 */
export function createTextRenderer(settings: TextSettings): (file: VFile) => string | undefined {
  const processor = createNormaliser({ wordJoiner: settings.wordJoiner })
  return (file) => {
    const { tree } = normaliseFile(file, processor)
    if (hasImages(tree)) return undefined
    return toXhtmlFragment(tree, { sceneBreakLabel: settings.sceneBreakLabel, file, images: new Map() })
  }
}

/**
 * Texts with images: normalise them, read the image files they name (the
 * load stage's `loadImages`, in book order, so ids are those of a build
 * without threads), then serialise each with its images' places in the EPUB.
 */
export async function renderWithImages(folder: string, files: VFile[], settings: TextSettings): Promise<{ xhtml: string[]; images: BookImages }> {
  const processor = createNormaliser({ wordJoiner: settings.wordJoiner })
  const texts = files.map((file) => normaliseFile(file, processor))
  const images = await loadImages(folder, texts)
  const xhtml = texts.map(({ file, tree }) =>
    toXhtmlFragment(tree, { sceneBreakLabel: settings.sceneBreakLabel, file, images: images.byText.get(file.path) ?? new Map() }),
  )
  return { xhtml, images }
}

function hasImages(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true
  return 'children' in node && (node.children as Nodes[]).some(hasImages)
}

export function sourceFile(source: TextSource): VFile {
  return new VFile({ path: source.path, cwd: source.cwd, value: source.value })
}
