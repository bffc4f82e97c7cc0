import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { NoteNumbering } from './footnotes.ts'
import type { Labels } from './labels.ts'
import { simpleXhtmlParts } from './simple-xhtml.ts'
import type { XhtmlOptions, XhtmlParts } from './to-xhtml.ts'

/** The full renderer (to-xhtml.ts: mdast → hast → sanitiser → xast), loaded only where a text needs it. */
export interface FullRenderer {
  toXhtmlParts(tree: Root, options: XhtmlOptions): XhtmlParts
}

/**
 * The options a text's XHTML is written with, in the book's language. The
 * typeset task writes a simple text's XHTML and the render writes the rest:
 * both take their options from here, so a text comes out the same wherever
 * it was written.
 */
export function textXhtmlOptions(labels: Labels, file: VFile | undefined, images: ReadonlyMap<string, string>, notes?: NoteNumbering): XhtmlOptions {
  return { sceneBreakLabel: labels.sceneBreak, file, images, ...(notes ? { notes } : {}), noteLabels: { backlink: labels.backToText, note: labels.note } }
}

/**
 * One text's XHTML: the direct writer's for a simple text (simple-xhtml.ts,
 * decision 0007), else the full renderer's when it is given. Undefined when
 * the text needs the full renderer and it was not given (a worker thread
 * does not load it: the main thread renders that text with its chapter).
 */
export function textXhtml(tree: Root, options: XhtmlOptions, full?: FullRenderer): XhtmlParts | undefined {
  return simpleXhtmlParts(tree, options) ?? full?.toXhtmlParts(tree, options)
}
