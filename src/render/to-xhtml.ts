import type { Element, Root as HastRoot } from 'hast'
import type { Image, ImageReference, Root as MdastRoot, ThematicBreak } from 'mdast'
import { toHast, type State } from 'mdast-util-to-hast'
import { raw } from 'hast-util-raw'
import { toXast } from 'hast-util-to-xast'
import type { VFile } from 'vfile'
import type { Root as XastRoot } from 'xast'
import { createFootnotes, type NoteLabels, type NoteNumbering } from './footnotes.ts'
import { sanitizeTree } from './sanitize.ts'
import { xmlString } from './xml-string.ts'
import { findTooDeepNode, MAX_TREE_DEPTH } from '../normalise/parse/nesting.ts'

export interface XhtmlOptions {
  /** Accessible name of a scene break, in the book's language. */
  sceneBreakLabel: string
  /** The text's file: warnings about removed HTML are put on it, at their place. */
  file?: VFile
  /**
   * Image URLs as written in this text → their path in the EPUB, relative to
   * the content document (`../images/map.png`). When given, an image not in
   * it, or a raw `<img>`, is removed; without it images are left as written.
   */
  images?: ReadonlyMap<string, string>
  /** Footnote numbering, shared by a document's scenes; default: numbered from 1, no id prefix. */
  notes?: NoteNumbering
  /** Accessible names for the footnotes' parts; default: English. */
  noteLabels?: NoteLabels
}

export interface XhtmlParts {
  /** The text, with `noteref` links where it has footnotes. */
  body: string
  /** The footnotes as EPUB 3 `aside`s, to set after the text; empty without any. */
  notes: string
}

/**
 * One normalised Markdown tree → an XHTML fragment (well-formed XML, no
 * namespace declarations: the document skeleton declares them). Raw HTML is
 * parsed into the tree (hast-util-raw), then cut down to the allow-list
 * (`sanitize.ts`), so no markup in a manuscript can make the XHTML malformed
 * or unsafe.
 */
export function toXhtmlFragment(tree: MdastRoot, options: XhtmlOptions): string {
  const { body, notes } = toXhtmlParts(tree, options)
  return notes ? `${body}\n${notes}` : body
}

/** Like `toXhtmlFragment`, with the footnotes apart so a document can gather them at its end. */
export function toXhtmlParts(tree: MdastRoot, options: XhtmlOptions): XhtmlParts {
  const images = options.images
  const footnotes = createFootnotes(options.notes ?? { prefix: '', next: 1 }, options.noteLabels ?? { backlink: 'Back to text', note: 'Note' })
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      thematicBreak: (state: State, node: ThematicBreak) => sceneBreak(state, node, options.sceneBreakLabel),
      image: (state: State, node: Image) => image(state, node, node.url, images),
      imageReference: (state: State, node: ImageReference) =>
        image(state, node, state.definitionById.get(node.identifier.toUpperCase())?.url ?? '', images),
      footnoteReference: footnotes.reference,
    },
  }) as HastRoot
  const clean = (root: HastRoot): HastRoot => {
    const parsed = hasRaw(root) ? (raw(root, { file: options.file }) as HastRoot) : root
    // Raw HTML nests inside the Markdown around it, which the parser measured without it.
    const deep = findTooDeepNode(parsed)
    if (deep) {
      const message = options.file?.message(`Unexpected nesting of Markdown and HTML ${deep.depth} levels deep, expected at most ${MAX_TREE_DEPTH} levels (EPUBCheck refuses a page nested 256 elements deep)`, {
        place: deep.node.position?.start,
        ruleId: 'nesting-depth',
        source: 'colophon-html',
      })
      if (message) message.fatal = true
      return { type: 'root', children: [] }
    }
    return sanitizeTree(parsed, { file: options.file, images: images ? new Set(images.values()) : undefined })
  }
  const body = footnotes.link(clean(hast))
  const asides = footnotes.asides(clean)
  return { body: hastToXml(body), notes: asides.length > 0 ? hastToXml({ type: 'root', children: asides }) : '' }
}

/** Serialise hast as XML, leaving the XHTML namespace to the skeleton. */
export function hastToXml(hast: HastRoot | Element): string {
  const root = hast.type === 'root' ? hast : ({ type: 'root', children: [hast] } as HastRoot)
  const xast = toXast(root) as XastRoot
  for (const child of xast.children) {
    if (child.type === 'element' && child.attributes.xmlns === 'http://www.w3.org/1999/xhtml') delete child.attributes.xmlns
  }
  // XML forbids `]]>` in text; xmlString (as xast-util-to-xml) escapes only `&` and `<`.
  // Elsewhere the sequence can only be inside an attribute value, where
  // `&gt;` means the same, and comments were removed by the sanitizer.
  return xmlString(xast).replaceAll(']]>', ']]&gt;')
}

/** The scene-break element that every chapter and text uses between scenes. */
export function sceneBreakElement(label: string): Element {
  return {
    type: 'element',
    tagName: 'hr',
    properties: { className: ['scene-break'], role: 'separator', ariaLabel: label },
    children: [],
  }
}

function sceneBreak(state: State, node: ThematicBreak, label: string): Element {
  const element = sceneBreakElement(label)
  state.patch(node, element)
  return element
}

/** `<img>` pointing at the packaged copy of the file (the load stage checked and read it). */
function image(state: State, node: Image | ImageReference, url: string, images: ReadonlyMap<string, string> | undefined): Element {
  const element: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src: images ? (images.get(url) ?? url) : url, alt: node.alt ?? '' },
    children: [],
  }
  state.patch(node, element)
  return element
}

function hasRaw(node: HastRoot | Element | HastRoot['children'][number]): boolean {
  if (node.type === 'raw') return true
  return 'children' in node && node.children.some((child) => hasRaw(child))
}
