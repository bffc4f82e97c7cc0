import { parse, walk, type CssNode } from 'css-tree'

/**
 * The classes an EPUB's stylesheets centre (`.calibre4 { text-align: center }`):
 * calibre and most converters move inline alignment into classes, and
 * centring is how a writer marks an ornament, a dedication or an epigraph.
 * Read with css-tree, the CSS parser the build uses for templates'
 * stylesheets; it recovers from what it cannot parse, and a rule it cannot
 * read centres nothing.
 */
export function centredClasses(stylesheets: readonly string[]): Set<string> {
  const classes = new Set<string>()
  const raw = (node: CssNode): string => (node.type === 'Raw' ? (node as CssNode & { value: string }).value : '')
  for (const css of stylesheets) {
    let root: CssNode
    try {
      root = parse(css, { parseRulePrelude: false, parseValue: false, parseAtrulePrelude: false, onParseError: () => undefined })
    } catch {
      continue
    }
    walk(root, {
      visit: 'Rule',
      enter(rule) {
        let centred: boolean | undefined
        for (const child of rule.block.children.toArray()) {
          if (child.type !== 'Declaration') continue
          const declaration = child as CssNode & { property: string; value: CssNode }
          if (declaration.property.toLowerCase() === 'text-align') centred = /^center\b/i.test(raw(declaration.value).trim())
        }
        if (centred === undefined) return
        for (const selector of raw(rule.prelude).split(',')) {
          // Only a class on its own or on one element (`.c`, `p.c`): a descendant selector says less about a block.
          const match = /^[a-z0-9]*\.([A-Za-z_][\w-]*)$/i.exec(selector.trim())
          if (!match?.[1]) continue
          if (centred) classes.add(match[1])
          else classes.delete(match[1])
        }
      },
    })
  }
  return classes
}
