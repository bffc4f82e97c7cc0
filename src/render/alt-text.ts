import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/**
 * An image a reader cannot see must say what it shows: an image without
 * alt text (`![](map.png)`) is a book error at its line and column.
 * Decorative images are not written in Markdown: colophon's own ornaments
 * are CSS backgrounds.
 */
export function checkAltText(tree: Root, file: VFile): void {
  visit(tree, 'image', (node) => {
    if (node.alt?.trim()) return
    const message = file.message(
      `Unexpected image \`${node.url}\` without alt text, expected \`![what it shows](${node.url})\``,
      { place: node.position, ruleId: 'image-alt', source: 'colophon-render' },
    )
    message.fatal = true
  })
}
