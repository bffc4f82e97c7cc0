import postcss from 'postcss'

/**
 * The classes an EPUB's stylesheets centre (`.calibre4 { text-align: center }`):
 * calibre and most converters move inline alignment into classes, and
 * centring is how a writer marks an ornament, a dedication or an epigraph.
 * Read with postcss; a stylesheet it cannot parse centres nothing.
 */
export function centredClasses(stylesheets: readonly string[]): Set<string> {
  const classes = new Set<string>()
  for (const css of stylesheets) {
    let root: postcss.Root
    try {
      root = postcss.parse(css)
    } catch {
      continue
    }
    root.walkRules((rule) => {
      let centred: boolean | undefined
      rule.walkDecls('text-align', (declaration) => {
        centred = /^center\b/i.test(declaration.value.trim())
      })
      if (centred === undefined) return
      for (const selector of rule.selectors) {
        // Only a class on its own or on one element (`.c`, `p.c`): a descendant selector says less about a block.
        const match = /^[a-z0-9]*\.([A-Za-z_][\w-]*)$/i.exec(selector.trim())
        if (!match?.[1]) continue
        if (centred) classes.add(match[1])
        else classes.delete(match[1])
      }
    })
  }
  return classes
}
