import { resolveOptions, type TypographyOptions } from './options.ts'
import { runPreset } from './run-preset.ts'

/** The same rules on a bare string, read as one block (titles and the like). */
export function typesetString(text: string, options?: TypographyOptions): string {
  return runPreset({ text, marks: [] }, resolveOptions(options)).text
}
