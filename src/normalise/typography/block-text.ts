import type { Link, Nodes, Parent, PhrasingContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { HARD_BREAK, OPAQUE } from './chars.ts'
import { passageLanguage } from './passage-language.ts'
import type { TrackedText } from './tracked-text.ts'

/** A run of text as one string, and the text nodes it was cut from. */
export interface RunText extends TrackedText {
  /** Text node `i` spans `marks[2i]` to `marks[2i + 1]`. */
  readonly nodes: readonly Text[]
}

/** A span with its own `lang` inside a block: set by its own language's rules. */
export interface Passage extends RunText {
  readonly language: string
}

/** A block's text, and the passages in another language it holds (each one stand-in in the block's text). */
export interface BlockText extends RunText {
  readonly passages: readonly Passage[]
}

interface Collector {
  parts: string[]
  marks: number[]
  nodes: Text[]
  length: number
  language: string
  /** The element that opened the passage, and how many of its kind are open inside it (its end tag closes it at 0). */
  tag: string
  depth: number
}

const collector = (language: string, tag = ''): Collector => ({ parts: [], marks: [], nodes: [], length: 0, language, tag, depth: 0 })

/** Inline nodes whose children are read as part of the block's text. */
const CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** Node types that make a parent a block of phrasing content. */
const PHRASING = new Set([...CONTAINERS, 'text', 'inlineCode', 'break', 'image', 'imageReference', 'footnoteReference'])

/** Whether `node` holds phrasing content: a paragraph, heading, table cell and the like. */
export function isPhrasingBlock(node: Nodes): node is Parent & Nodes {
  if (!('children' in node) || CONTAINERS.has(node.type)) return false
  return (node.children as Nodes[]).some((child) => PHRASING.has(child.type))
}

/** An autolink shows its own URL: its visible text must stay as written. */
function isAutolink(node: Link): boolean {
  const label = toString(node)
  return label === node.url || `mailto:${label}` === node.url
}

/** Phrasing elements whose tags show nothing themselves: the text reads on across them. */
const TRANSPARENT_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'mark', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'u'])

/**
 * The element name of a lone inline HTML tag (`<em>`, `</span>`, `<br/>`)
 * as micromark gives it, lower-cased; undefined for anything else (a
 * comment, a declaration). micromark has already read the node as one tag,
 * so only its name is looked at here.
 */
function inlineTag(value: string): string | undefined {
  const match = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(value)
  return match?.[1]?.toLowerCase()
}

function isTransparent(value: string): boolean {
  const name = inlineTag(value)
  return name !== undefined && TRANSPARENT_TAGS.has(name)
}

/**
 * Gather a block's text across emphasis, strong, delete and link labels,
 * and across the tags of inline HTML elements (`<em>`, `<span>`).
 * Anything else inline (code, other HTML, a comment, images, autolinks) is
 * one opaque stand-in character, a hard break (or `<br>`) a line-end
 * stand-in: rules see that something is there but never change it.
 */
export function collectBlockText(block: Parent): BlockText {
  const main = collector('')
  const open: Collector[] = [main]
  const passages: Collector[] = []
  const walk = (children: readonly PhrasingContent[] | readonly Nodes[]): void => {
    for (const child of children as readonly Nodes[]) {
      const into = open.at(-1)!
      if (child.type === 'text') {
        into.marks.push(into.length, into.length + child.value.length)
        into.nodes.push(child)
        into.parts.push(child.value)
        into.length += child.value.length
      } else if (child.type === 'break' || (child.type === 'html' && inlineTag(child.value) === 'br')) {
        into.parts.push(HARD_BREAK)
        into.length++
      } else if (CONTAINERS.has(child.type) && !(child.type === 'link' && isAutolink(child))) {
        walk((child as Parent).children)
      } else {
        const change = child.type === 'html' ? passageLanguage(child.value) : undefined
        const tag = child.type === 'html' ? inlineTag(child.value) : undefined
        // The end tag of the element that opened the passage: the stand-in ends the passage's text.
        const ends = open.length > 1 && tag === into.tag && /^<\//.test((child as { value: string }).value)
        if (ends && into.depth > 0) {
          into.depth--
          continue
        }
        if (!ends && child.type === 'html' && isTransparent(child.value)) {
          if (change?.open === undefined) {
            // `<em>`, `</em>`: the text on either side reads on, as it does across Markdown's `*`.
            if (tag === into.tag && !/^<\//.test(child.value) && !/\/>$/.test(child.value)) into.depth++
            continue
          }
        }
        if (change?.open) {
          const passage = collector(change.open, change.tag)
          passages.push(passage)
          open.push(passage)
        }
        into.parts.push(OPAQUE)
        into.length++
        if (ends) open.pop()
      }
    }
  }
  walk(block.children)
  // Field by field: spreading a run's object into the result (`{ ...done(main), passages }`) made this function
  // nine times slower, V8 copying it on its slow path, for every paragraph of every book.
  const text = (run: Collector): string => run.parts.join('')
  const found = passages.filter((run) => run.nodes.length > 0).map((run): Passage => ({ text: text(run), marks: run.marks, nodes: run.nodes, language: run.language }))
  return { text: text(main), marks: main.marks, nodes: main.nodes, passages: found }
}

/** Cut the typeset text back into the same text nodes (each keeps its `position`). */
export function writeBlockText(block: RunText, result: TrackedText): void {
  const { marks, text } = result
  block.nodes.forEach((node, index) => {
    node.value = text.slice(marks[2 * index], marks[2 * index + 1])
  })
}
