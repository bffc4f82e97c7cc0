// css-tree's tokenizer alone (`css-tree/tokenizer`): the whole library would
// load its CSS grammar data as well, which colophon does not need.
declare module 'css-tree/tokenizer' {
  export const tokenTypes: {
    readonly AtKeyword: number
    readonly Comment: number
    readonly Function: number
    readonly String: number
    readonly Url: number
    readonly WhiteSpace: number
  }
  export function tokenize(source: string, onToken: (type: number, start: number, end: number) => void): void
}
