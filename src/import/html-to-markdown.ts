import type { Nodes as HastNodes } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import { toMarkdown } from 'mdast-util-to-markdown'

/**
 * A piece of HTML (a scene, a note) as Markdown an author would type: the
 * HTML readers (HTML pages, DOCX through mammoth, EPUB) all end here, so the
 * text then goes through the same typography and sanitiser as any scene.
 * Shared by every reader of markup; extend it rather than copy it.
 */
export function hastToMarkdown(tree: HastNodes): string {
  const mdast = toMdast(tree)
  return toMarkdown(mdast, { emphasis: '*', strong: '*', bullet: '*', rule: '*' }).trim() + '\n'
}
