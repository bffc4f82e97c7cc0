import type { Nodes, Parent, Root } from 'mdast'
import { remarkParseProse } from '../normalise/parse/plugin.ts'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { remarkSceneBreaks } from '../normalise/remark-scene-breaks.ts'
import { collectBlockText, isPhrasingBlock, type BlockText } from '../normalise/typography/block-text.ts'
import { htmlBlocks } from '../normalise/typography/html-text.ts'
import { resolveOptions } from '../normalise/typography/options.ts'
import { quotes } from '../normalise/typography/rules/quotes.ts'
import type { LintBlock, LintFile, Place } from './types.ts'
import { ENGLISH, type LintContext } from './languages.ts'

const parser = unified().use(remarkParseProse).use(remarkSceneBreaks)
const dialogueParser = unified().use(remarkParseProse, { dialogueDashes: true }).use(remarkSceneBreaks)
const options = resolveOptions(undefined)

/** Parse one Markdown file (unless given its tree as parsed) into what the rules read: its tree and its blocks' text with positions. */
export function analyse(file: VFile, parsed?: Root, context: LintContext = ENGLISH): LintFile {
  const reader = context.dialogueDashes ? dialogueParser : parser
  const tree = parsed ?? (reader.runSync(reader.parse(file), file) as Root)
  const value = String(file.value)
  const points = location(value)
  const blocks: LintBlock[] = []
  const visit = (node: Nodes): void => {
    if (isPhrasingBlock(node)) {
      const text = collectBlockText(node)
      if (text.nodes.length > 0) blocks.push(lintBlock(text, value, (offset) => toPlace(points.toPoint(offset), offset)))
      return
    }
    // Raw HTML's text is read as the typography pass reads it (normalise/typography/html-text.ts).
    if (node.type === 'html') {
      for (const block of htmlBlocks(node)) blocks.push(lintBlock(block, value, (offset) => toPlace(points.toPoint(offset), offset)))
      return
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child)
  }
  visit(tree)
  return { file, tree, blocks }
}

function toPlace(point: { line?: number; column?: number } | undefined, offset: number): Place {
  return { line: point?.line ?? 1, column: point?.column ?? 1, offset }
}

function lintBlock(text: BlockText, value: string, at: (offset: number) => Place): LintBlock {
  return {
    source: text.text,
    curled: quotes.apply(text, options).text,
    placeOf(index) {
      return at(sourceOffset(text, value, index))
    },
  }
}

/**
 * The file offset of block offset `index`. A text node's value can differ
 * from its source (escapes, entities, `> ` before a quoted line), so the
 * value is walked against the source, skipping what the parser dropped.
 */
function sourceOffset(text: BlockText, value: string, index: number): number {
  const { marks, nodes } = text
  let node = nodes.length - 1
  for (let at = 0; at < nodes.length; at++) {
    if (index < marks[2 * at + 1]! || at === nodes.length - 1) {
      node = index < marks[2 * at]! && at > 0 ? at - 1 : at
      break
    }
  }
  const start = nodes[node]!.position?.start.offset
  if (start === undefined) return 0
  const chars = nodes[node]!.value
  let source = start
  const until = Math.min(Math.max(index - marks[2 * node]!, 0), chars.length)
  for (let at = 0; at < until; at++) {
    while (source < value.length && value[source] !== chars[at]) source++
    source++
  }
  while (until < chars.length && source < value.length && value[source] !== chars[until]) source++
  return source
}
