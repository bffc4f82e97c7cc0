import type { Block, Paragraph } from './blocks.ts'
import { paragraphsOf } from './blocks.ts'
import { headingOfBlock, headingOfLine, joinTitle, titleLike, type Heading, type HeadingShape } from './headings.ts'
import { isSceneBreak } from '../scene-break.ts'

/** What a block of the text is, in order. */
export type Item =
  | { type: 'heading'; heading: Heading; line: number; column: number; endLine: number }
  | { type: 'break'; marker: string; line: number; column: number }
  | { type: 'para'; para: Paragraph; endLine: number }
  | { type: 'removed'; what: string; line: number; endLine: number }

/** Shapes that stand for a heading only when the book has at least two of them. */
const NEED_COMPANY: HeadingShape[] = ['numbered', 'bare']

/**
 * The text's blocks as headings, scene breaks and paragraphs. A shape that
 * can be an ordinary line (`IV.`, `12. Home`) counts as a heading only
 * when it recurs; a contents list is left out, in both of its forms: after
 * a `Contents` line, and as headings that follow one another with no text
 * between (the chapter that text follows is the real one).
 */
export function itemsOf(blocks: Block[], hardWrapped: boolean, width: number): Item[] {
  const candidates = blocks.map((block) => headingOfBlock(block.map(({ text }) => text)))
  const counts = new Map<HeadingShape, number>()
  for (const heading of candidates) if (heading) counts.set(heading.shape, (counts.get(heading.shape) ?? 0) + 1)

  const items: Item[] = []
  blocks.forEach((block, index) => {
    const first = block[0]!
    const last = block.at(-1)!
    const heading = candidates[index]
    const column = /^\s*/.exec(first.text)![0].length + 1
    if (heading && !(NEED_COMPANY.includes(heading.shape) && (counts.get(heading.shape) ?? 0) < 2)) {
      items.push({ type: 'heading', heading, line: first.line, column, endLine: last.line })
    } else if (block.length === 1 && isSceneBreak(first.text)) {
      items.push({ type: 'break', marker: first.text.trim(), line: first.line, column })
    } else if (block.length > 1 && isContentsBlock(block)) {
      // Every line a heading (or a heading with its page number): a contents list set solid.
      items.push({ type: 'removed', what: 'contents list', line: first.line, endLine: last.line })
    } else {
      for (const para of paragraphsOf(block, hardWrapped, width)) items.push({ type: 'para', para, endLine: last.line })
    }
  })
  return dropContents(attachTitles(items))
}

const indentOf = (text: string): number => /^\s*/.exec(text)![0].length

/** Every line a heading, a heading with its page number, or a title run on under the line before, indented deeper. */
function isContentsBlock(block: Block): boolean {
  return block.every(
    ({ text }, index) =>
      headingOfLine(text) !== undefined ||
      /\.{3,}\s*\d*$|\s\d+$/.test(text) ||
      (index > 0 && titleLike(text.trim()) && indentOf(text) > indentOf(block[index - 1]!.text)),
  )
}

const isShortPara = (item: Item | undefined): boolean =>
  item?.type === 'para' && item.para.lines.length === 1 && item.para.lines[0]!.length <= 80 && !/[.!?]["')\]]*$/.test(item.para.lines[0]!)

/** A heading with no title, then a title-like line alone, then text: the line is its title. */
function attachTitles(items: Item[]): Item[] {
  const out: Item[] = []
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    const next = items[index + 1]
    if (
      item.type === 'heading' &&
      (item.heading.kind === 'chapter' || item.heading.kind === 'part') &&
      item.heading.subtitle === undefined &&
      next?.type === 'para' &&
      next.para.lines.length === 1 &&
      titleLike(next.para.lines[0]!) &&
      // A sentence's stop ends a title only in capitals (`OUR NEIGHBOUR.`).
      (!/[.!?]["')\]]*$/.test(next.para.lines[0]!) || next.para.lines[0] === next.para.lines[0]!.toUpperCase()) &&
      next.para.lines[0]!.length <= 60 &&
      items[index + 2] !== undefined &&
      items[index + 2]!.type !== 'heading'
    ) {
      out.push({ ...item, heading: joinTitle(item.heading, next.para.lines[0]!), endLine: next.endLine })
      index++
    } else out.push(item)
  }
  return out
}

/** A heading with text under it, or a part whose first chapter has. */
function opensText(items: Item[], at: number): boolean {
  const item = items[at]
  const next = items[at + 1]
  if (item?.type !== 'heading') return false
  if (item.heading.kind === 'part' && next?.type === 'heading') return opensText(items, at + 1)
  return next !== undefined && next.type !== 'heading' && next.type !== 'removed' && !isShortPara(next)
}

function dropContents(items: Item[]): Item[] {
  const out: Item[] = []
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (item.type === 'heading' && item.heading.kind === 'contents') {
      // The list runs while its entries are headings or short lines; it ends before the heading that text follows.
      let end = index + 1
      while (end < items.length) {
        const entry = items[end]!
        if (entry.type === 'heading' && opensText(items, end)) break
        if (entry.type === 'para' && !isShortPara(entry)) break
        if (entry.type === 'break') break
        end++
      }
      const lastItem = items[end - 1]!
      out.push({ type: 'removed', what: 'contents list', line: item.line, endLine: 'endLine' in lastItem ? lastItem.endLine : lastItem.line })
      index = end - 1
      continue
    }
    const next = items[index + 1]
    if (item.type === 'heading' && next?.type === 'heading' && !(item.heading.kind === 'part' && next.heading.kind === 'chapter') && next.heading.kind !== 'contents') {
      // A heading with nothing under it before the next: an entry of a contents list.
      out.push({ type: 'removed', what: `contents entry \`${item.heading.title}\``, line: item.line, endLine: item.endLine })
      continue
    }
    out.push(item)
  }
  return out
}
