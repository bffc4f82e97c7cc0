import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * Interim dash pass until the typography preset lands: a spaced hyphen
 * (` - `) becomes a word joiner and an em dash with no spaces, and a
 * paragraph-final ` -` an em dash.
 */
export function remarkSpacedDashes() {
  return function transform(tree: Root): void {
    visit(tree, 'text', (node, _index, parent) => {
      let value = node.value.replace(/ +- +/g, '\u2060—')
      const last = parent?.children.at(-1) === node
      if (last) value = value.replace(/ +-$/, '\u2060—')
      node.value = value
    })
  }
}
