export type { TypographyOptions } from './options.ts'
export { remarkTypography } from './remark-typography.ts'
export { stripInvisibles } from './strip-invisibles.ts'
export { typesetString } from './typeset-string.ts'
