import type { Nodes, Parent, Root } from 'mdast'
import { collectBlockText, isPhrasingBlock, writeBlockText } from './block-text.ts'
import { passageLanguage } from './passage-language.ts'
import { forLanguage, resolveOptions, type ResolvedOptions, type TypographyOptions } from './options.ts'
import { runPreset } from './run-preset.ts'
import { typesetHtml } from './html-text.ts'

/**
 * Set a Markdown tree's text by the rules of its language: English by the
 * Standard Ebooks Manual of Style (chapter 8, Typography), other languages
 * by their own references (`languages/table.ts`). A block or span of raw
 * HTML with its own `lang` (`<div lang="fr">`, `<span lang="de">`) is set
 * by that language's rules. Runs after remark-parse; options are checked
 * when the plugin is attached, before any tree is touched.
 */
export function remarkTypography(options?: TypographyOptions): (tree: Root) => void {
  const resolved = resolveOptions(options)
  return function transform(tree: Root): void {
    const visit = (node: Nodes, settings: ResolvedOptions): void => {
      if (isPhrasingBlock(node)) {
        const block = collectBlockText(node)
        if (block.nodes.length > 0) writeBlockText(block, runPreset(block, settings))
        for (const passage of block.passages) {
          writeBlockText(passage, runPreset(passage, forLanguage(settings, passage.language)))
        }
        return
      }
      if (!('children' in node)) return
      // A raw HTML block that opens an element with `lang` sets the siblings up to its end tag.
      // Only the opening element's own end tag closes it (a `</p>` inside a `<div lang>` does not).
      const stack: Array<{ settings: ResolvedOptions; tag: string }> = [{ settings, tag: '' }]
      for (const child of (node as Parent).children as Nodes[]) {
        if (child.type === 'html') {
          const change = passageLanguage(child.value)
          if (change?.open) stack.push({ settings: forLanguage(stack.at(-1)!.settings, change.open), tag: change.tag })
          else if (change?.close && stack.length > 1 && stack.at(-1)!.tag === change.tag) stack.pop()
          // Its own text gets the same rules, and an element in it with its own `lang` its own (see html-text.ts).
          typesetHtml(child, stack.at(-1)!.settings)
          continue
        }
        visit(child, stack.at(-1)!.settings)
      }
    }
    // Each text carries its own state from block to block (a quotation running on).
    visit(tree, { ...resolved, carry: { quoteOpen: false } })
  }
}
