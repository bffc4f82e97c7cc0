/** The part of css-tree's main module the EPUB reader uses (parse with raw preludes and values, walk), typed by hand: the package ships no types. */
declare module 'css-tree' {
  export interface CssNode {
    type: string
    loc?: unknown
  }
  export interface Raw extends CssNode {
    type: 'Raw'
    value: string
  }
  export interface Declaration extends CssNode {
    type: 'Declaration'
    property: string
    value: Raw | CssNode
  }
  export interface Rule extends CssNode {
    type: 'Rule'
    prelude: Raw | CssNode
    block: { children: { toArray(): CssNode[] } }
  }
  export interface ParseOptions {
    parseRulePrelude?: boolean
    parseValue?: boolean
    parseAtrulePrelude?: boolean
    parseCustomProperty?: boolean
    onParseError?: (error: Error) => void
  }
  export function parse(css: string, options?: ParseOptions): CssNode
  export function walk(ast: CssNode, options: { visit: 'Rule'; enter: (node: Rule) => void }): void
}
