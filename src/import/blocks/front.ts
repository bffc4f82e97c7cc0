import type { VFile } from 'vfile'
import type { ImportedMetadata, ImportedPage } from '../types.ts'
import { isDisclaimer, isNoteStart } from '../notes.ts'
import { isAttribution, isDedication, pageKind } from './kinds.ts'
import { blocksToMarkdown } from './markdown.ts'
import { isOrnament } from './ornament.ts'
import type { Block } from './types.ts'

const INFO = { source: 'colophon-import' } as const

/**
 * The blocks before the first chapter, as front pages: a heading that names
 * a kind (`Dedication`, `Disclaimer`) opens that page; an untitled paragraph
 * is a disclaimer when it starts `Disclaimer`, an author's note when it
 * starts `A/N`, a dedication when it is short and starts `For`/`To` on its
 * own (centred or italic), an epigraph when a quotation or an italic passage
 * is followed by an attribution line (`— Name`). Anything else goes on the
 * page before it, or onto a `preface` page, so no word is dropped. The
 * kind's heading is left out: colophon titles each page from its kind.
 * Lines of a typed title page at the top (the title, `by Name`) go to
 * `metadata` when it lacks them and are left out when it holds them.
 */
export function frontPages(file: VFile, blocks: readonly Block[], metadata: ImportedMetadata = {}): ImportedPage[] {
  const pages: Array<{ kind: string; blocks: Block[] }> = []
  const same = (a: string, b: unknown): boolean => typeof b === 'string' && a.toLowerCase() === b.toLowerCase()
  const open = (kind: string, block: Block, what: string): void => {
    pages.push({ kind, blocks: [] })
    file.info(`${what} (${block.where})`, { ruleId: `import-${kind}`, ...INFO })
  }
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as Block
    const next = blocks[index + 1]
    if (isOrnament(block)) continue
    // A typed title page: the title line and a `by …` line, which book.yaml holds (and the title page shows).
    if (pages.length === 0 && (block.centred || block.bold || block.heading) && block.text.length <= 120) {
      const by = /^by\s+(.+)$/i.exec(block.text)?.[1]
      if (same(block.text, metadata.title) || (by && same(by, metadata.author))) {
        file.info(`title page line \`${block.text}\` left out: book.yaml holds it (${block.where})`, { ruleId: 'import-title', ...INFO })
        continue
      }
      if (by && metadata.author === undefined) {
        metadata.author = by
        file.info(`author from the line \`${block.text}\` (${block.where})`, { ruleId: 'import-author', ...INFO })
        continue
      }
      if (index === 0 && metadata.title === undefined && !block.heading && next && /^by\s/i.test(next.text)) {
        metadata.title = block.text
        file.info(`title from the first line \`${block.text}\` (${block.where})`, { ruleId: 'import-title', ...INFO })
        continue
      }
    }
    const named = block.heading || (block.bold && block.text.length < 40) ? pageKind(block.text) : undefined
    if (named && named !== 'skip') {
      open(named, block, `${named} page \`${block.text}\``)
      continue
    }
    if (isDisclaimer(block.text)) open('disclaimer', block, 'disclaimer')
    else if (isNoteStart(block.text)) open('notes', block, "author's note before the story")
    else if ((block.centred || block.italic) && isDedication(block.text) && !(next && isAttribution(next.text))) open('dedication', block, 'dedication')
    else if ((block.node.tagName === 'blockquote' || block.italic || block.centred) && next && isAttribution(next.text)) {
      open('epigraph', block, 'epigraph')
      pages[pages.length - 1]?.blocks.push(block, next)
      index++
      continue
    } else if (pages.length === 0) open('preface', block, 'text before the first chapter, kept as a preface')
    pages[pages.length - 1]?.blocks.push(block)
  }
  return pages.filter((page) => page.blocks.length > 0).map((page) => ({ kind: page.kind, markdown: blocksToMarkdown(page.blocks) }))
}
