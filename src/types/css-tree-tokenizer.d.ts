// css-tree's tokenizer and its decoders alone (`css-tree/tokenizer`,
// `css-tree/utils`): the whole library would load its CSS grammar data as
// well, which colophon does not need.
declare module 'css-tree/tokenizer' {
  export const tokenTypes: {
    readonly AtKeyword: number
    readonly Colon: number
    readonly LeftCurlyBracket: number
    readonly LeftParenthesis: number
    readonly RightCurlyBracket: number
    readonly RightParenthesis: number
    readonly Comment: number
    readonly Function: number
    readonly Ident: number
    readonly Semicolon: number
    readonly String: number
    readonly Url: number
    readonly WhiteSpace: number
  }
  export function tokenize(source: string, onToken: (type: number, start: number, end: number) => void): void
}

declare module 'css-tree/utils' {
  /** Escapes decoded: `u\72l` is `url`. */
  export const ident: { decode(input: string): string }
  /** A string token's value: quotes off, escapes decoded. */
  export const string: { decode(input: string): string }
  /** A `url(…)` token's URL: white space trimmed, escapes decoded. */
  export const url: { decode(input: string): string }
}
