import type { Nodes, Parent, Root } from 'mdast'
import { collectBlockText, isPhrasingBlock, writeBlockText } from './block-text.ts'
import { resolveOptions, type TypographyOptions } from './options.ts'
import { runPreset } from './run-preset.ts'
import { typesetHtml } from './html-text.ts'

/**
 * Set a Markdown tree's text to the Standard Ebooks Manual of Style
 * (chapter 8, Typography). Runs after remark-parse; options are checked
 * when the plugin is attached, before any tree is touched.
 */
export function remarkTypography(options?: TypographyOptions): (tree: Root) => void {
  const resolved = resolveOptions(options)
  return function transform(tree: Root): void {
    const visit = (node: Nodes): void => {
      if (isPhrasingBlock(node)) {
        const block = collectBlockText(node)
        if (block.nodes.length > 0) writeBlockText(block, runPreset(block, resolved))
        return
      }
      // A block of raw HTML: its text gets the same rules (see html-text.ts).
      if (node.type === 'html') {
        typesetHtml(node, resolved)
        return
      }
      if ('children' in node) for (const child of (node as Parent).children) visit(child)
    }
    visit(tree)
  }
}
