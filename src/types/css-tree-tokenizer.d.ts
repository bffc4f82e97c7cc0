// css-tree's tokenizer and helpers alone (`css-tree/tokenizer`, `css-tree/utils`):
// the whole library would load its CSS grammar data as well, which colophon does not need.
declare module 'css-tree/tokenizer' {
  export const tokenTypes: {
    readonly AtKeyword: number
    readonly Comment: number
    readonly Function: number
    readonly Ident: number
    readonly String: number
    readonly Url: number
    readonly WhiteSpace: number
  }
  export function tokenize(source: string, onToken: (type: number, start: number, end: number) => void): void
}

declare module 'css-tree/utils' {
  /** Escapes in an identifier decoded (`u\72l` is `url`). */
  export const ident: { decode(text: string): string }
  /** A `url(…)` token's URL, escapes decoded. */
  export const url: { decode(text: string): string }
  /** A string token's value, quotes removed and escapes decoded. */
  export const string: { decode(text: string): string }
}
