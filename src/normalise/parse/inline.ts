import type { Break, Emphasis, FootnoteReference, PhrasingContent, Strong, Text } from 'mdast'
import type { Point } from 'unist'
import { classifyCharacter } from 'micromark-util-classify-character'

/**
 * The inline content of one prose paragraph (see `blocks.ts` for what counts
 * as prose: no code, links, HTML, escapes or entities) as mdast phrasing
 * nodes, exactly as micromark and mdast-util-from-markdown would give it:
 * text, hard breaks, and `*`/`_` emphasis and strong emphasis resolved by
 * micromark's own rules (flanking by Unicode class, the rule of three, strong
 * when both runs are longer than one), with the same positions. In a
 * paragraph `isProseWithNotes` let through, a `[` opens a footnote
 * reference (`[^label]`), which emphasis flanks as its brackets.
 */

/** A line of the paragraph: its content (no leading or trailing spaces) and what ends it. */
export interface Line {
  start: number
  end: number
  /** The offset of the `\n` after the line, or -1 for the paragraph's last line. */
  newline: number
  /** Two or more spaces before the newline: a hard break. */
  hardBreak: boolean
  /** Where the trailing spaces of a hard break start. */
  spacesStart: number
}

type Item = TextItem | DelimItem | BreakItem | GroupItem | NoteItem
interface Base {
  prev: Item | undefined
  next: Item | undefined
}
interface TextItem extends Base {
  kind: 'text'
  value: string
  start: number
  end: number
}
interface DelimItem extends Base {
  kind: 'delim'
  marker: number
  start: number
  length: number
  open: boolean
  close: boolean
  /** The delimiter before this one that is still a delimiter. */
  prevDelim: DelimItem | undefined
  nextDelim: DelimItem | undefined
}
interface BreakItem extends Base {
  kind: 'break'
  start: number
  end: number
}
interface NoteItem extends Base {
  kind: 'note'
  start: number
  end: number
}
interface GroupItem extends Base {
  kind: 'emphasis' | 'strong'
  start: number
  end: number
  first: Item | undefined
}

const ASTERISK = 42

export function parseInline(
  text: string,
  lines: readonly Line[],
  point: (offset: number) => Point,
  /** Where the next `*` or `_` is (`charFinder`), shared by the text's paragraphs. */
  nextDelimiter: (from: number) => number,
  /** Where the next `[` is, in a paragraph with footnote references. */
  nextBracket?: (from: number) => number,
): PhrasingContent[] {
  let head: Item | undefined
  let tail: Item | undefined
  let lastDelim: DelimItem | undefined
  const append = (item: Item): void => {
    item.prev = tail
    if (tail) tail.next = item
    else head = item
    tail = item
  }
  const addText = (start: number, end: number): void => {
    if (end > start) append({ kind: 'text', value: text.slice(start, end), start, end, prev: undefined, next: undefined })
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line
    let from = line.start
    let at = line.start
    while (at < line.end) {
      const next = nextDelimiter(at)
      const bracket = nextBracket ? nextBracket(at) : -1
      if (bracket >= 0 && bracket < line.end && (next < 0 || bracket < next)) {
        const close = text.indexOf(']', bracket)
        addText(from, bracket)
        append({ kind: 'note', start: bracket, end: close + 1, prev: undefined, next: undefined })
        from = at = close + 1
        continue
      }
      if (next < 0 || next >= line.end) break
      at = next
      const code = text.charCodeAt(at)
      addText(from, at)
      let end = at + 1
      while (end < line.end && text.charCodeAt(end) === code) end++
      // Outside the line's content is white space: a line ending, the paragraph's edge, or stripped spaces.
      const before = classifyCharacter(at > line.start ? text.charCodeAt(at - 1) : null)
      const after = classifyCharacter(end < line.end ? text.charCodeAt(end) : null)
      const open = !after || (after === 2 && Boolean(before))
      const close = !before || (before === 2 && Boolean(after))
      const delim: DelimItem = {
        kind: 'delim',
        marker: code,
        start: at,
        length: end - at,
        open: code === ASTERISK ? open : open && (Boolean(before) || !close),
        close: code === ASTERISK ? close : close && (Boolean(after) || !open),
        prevDelim: lastDelim,
        nextDelim: undefined,
        prev: undefined,
        next: undefined,
      }
      if (lastDelim) lastDelim.nextDelim = delim
      lastDelim = delim
      append(delim)
      from = end
      at = end
    }
    addText(from, line.end)
    if (line.newline >= 0) {
      if (line.hardBreak) append({ kind: 'break', start: line.spacesStart, end: line.newline + 1, prev: undefined, next: undefined })
      else append({ kind: 'text', value: '\n', start: line.newline, end: line.newline + 1, prev: undefined, next: undefined })
    }
  }

  // Resolve emphasis: each closer, in order, takes the nearest opener of its marker (micromark's resolveAllAttention).
  let firstDelim: DelimItem | undefined
  for (let delim = lastDelim; delim; delim = delim.prevDelim) firstDelim = delim
  const ends = { head, tail }
  resolveEmphasis(firstDelim, ends)
  return build(ends.head, text, point)
}

/**
 * Match the delimiters of a chain (linked by `prevDelim`/`nextDelim`, ended
 * by undefined on both sides): each closer, in order, with the nearest
 * opener before it. As in micromark, the delimiters between an opener and
 * its closer are matched again among themselves, with what is left of their
 * runs, before they become the group's text: a run too long to close an
 * opener under the rule of three can close it once part of it opened
 * another group (`****a*b****c*d` gives strong around the first part).
 * Those inner chains are matched in a loop with the pairs waiting on them
 * kept on a stack, not by recursion: any text, however deeply it nests,
 * is resolved without overflowing the call stack.
 */
function resolveEmphasis(first: DelimItem | undefined, ends: Ends): void {
  const waiting: Array<{ opener: DelimItem; closer: DelimItem }> = []
  let closer = first
  for (;;) {
    if (!closer) {
      // A chain is done: the pair that waited on it (if any) is made, and its own chain goes on.
      const pair = waiting.pop()
      if (!pair) return
      closer = makeGroup(pair.opener, pair.closer, ends)
      continue
    }
    if (!closer.close) {
      closer = closer.nextDelim
      continue
    }
    let opener = closer.prevDelim
    while (opener) {
      if (opener.open && opener.marker === closer.marker) {
        const rejected = (opener.close || closer.open) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0
        if (!rejected) break
      }
      opener = opener.prevDelim
    }
    if (!opener) {
      closer = closer.nextDelim
      continue
    }
    const inner = opener.nextDelim
    if (inner && inner !== closer) {
      const innerLast = closer.prevDelim as DelimItem
      inner.prevDelim = undefined
      innerLast.nextDelim = undefined
      waiting.push({ opener, closer })
      closer = inner
      continue
    }
    closer = makeGroup(opener, closer, ends)
  }
}

interface Ends {
  head: Item | undefined
  tail: Item | undefined
}

/** Group what lies between a matched opener and closer as emphasis or strong; the closer to look at next. */
function makeGroup(opener: DelimItem, closer: DelimItem, ends: Ends): DelimItem | undefined {
  const use = opener.length > 1 && closer.length > 1 ? 2 : 1
  const group: GroupItem = {
    kind: use > 1 ? 'strong' : 'emphasis',
    start: opener.start + opener.length - use,
    end: closer.start + use,
    first: opener.next === closer ? undefined : opener.next,
    prev: opener,
    next: closer,
  }
  // The items between become the group's children; delimiters among them are text now.
  if (group.first) {
    group.first.prev = undefined
    const last = closer.prev as Item
    last.next = undefined
  }
  opener.next = group
  closer.prev = group
  opener.nextDelim = closer
  closer.prevDelim = opener
  opener.length -= use
  closer.start += use
  closer.length -= use
  if (opener.length === 0) {
    unlink(opener)
    if (ends.head === opener) ends.head = group
  }
  if (closer.length > 0) return closer
  const next = closer.nextDelim
  unlink(closer)
  if (ends.tail === closer) ends.tail = group
  return next
}

function unlink(item: DelimItem): void {
  if (item.prev) item.prev.next = item.next
  if (item.next) item.next.prev = item.prev
  if (item.prevDelim) item.prevDelim.nextDelim = item.nextDelim
  if (item.nextDelim) item.nextDelim.prevDelim = item.prevDelim
}

/**
 * The mdast nodes of a run of items: neighbouring text (and leftover
 * delimiters) merged into one text node. A group's items are walked with
 * the place to come back to kept on a stack, not by recursion, so that no
 * depth of emphasis overflows the call stack.
 */
function build(first: Item | undefined, text: string, point: (offset: number) => Point): PhrasingContent[] {
  const root: PhrasingContent[] = []
  const outer: Array<{ next: Item | undefined; nodes: PhrasingContent[] }> = []
  let nodes = root
  let pending: { value: string; start: number; end: number } | undefined
  const flush = (): void => {
    if (!pending) return
    const node: Text = { type: 'text', value: pending.value, position: { start: point(pending.start), end: point(pending.end) } }
    nodes.push(node)
    pending = undefined
  }
  const addText = (value: string, start: number, end: number): void => {
    if (pending) {
      pending.value += value
      pending.end = end
    } else pending = { value, start, end }
  }
  let item = first
  for (;;) {
    if (!item) {
      flush()
      const back = outer.pop()
      if (!back) return root
      nodes = back.nodes
      item = back.next
      continue
    }
    switch (item.kind) {
      case 'text':
        addText(item.value, item.start, item.end)
        break
      case 'delim':
        if (item.length > 0) addText(text.slice(item.start, item.start + item.length), item.start, item.start + item.length)
        break
      case 'note': {
        flush()
        const label = text.slice(item.start + 2, item.end - 1)
        const node: FootnoteReference = { type: 'footnoteReference', identifier: label.toLowerCase(), label, position: { start: point(item.start), end: point(item.end) } }
        nodes.push(node)
        break
      }
      case 'break': {
        flush()
        const node: Break = { type: 'break', position: { start: point(item.start), end: point(item.end) } }
        nodes.push(node)
        break
      }
      default: {
        flush()
        const node: Emphasis | Strong = { type: item.kind, children: [], position: { start: point(item.start), end: point(item.end) } }
        nodes.push(node)
        // Down into the group; its children are written where they are read.
        outer.push({ next: item.next, nodes })
        nodes = node.children
        item = item.first
        continue
      }
    }
    item = item.next
  }
}
