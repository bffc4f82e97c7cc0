import { entryText, isXhtml } from '../publication.ts'
import type { Finding, PreflightRule } from './types.ts'

/** A custom property declared (`--name:`) or used (`var(--name)`). */
const CUSTOM_PROPERTY = /(?:^|[\s;{"'])(--[A-Za-z_][\w-]*)\s*:|var\(\s*(--[A-Za-z_][\w-]*)/g

export const noCssCustomProperties: PreflightRule = {
  id: 'no-css-custom-properties',
  summary: 'no CSS custom properties (`--name:` / `var(--name)`) in stylesheets, `<style>` or `style=""`: Kindle’s renderers ignore them, so the declarations that use them are lost',
  check({ publication }) {
    const findings: Finding[] = []
    for (const entry of publication.entries) {
      if (!entry.path.endsWith('.css') && !isXhtml(entry.path)) continue
      const text = entryText(entry)
      // In XHTML only what is inside <style> and style="" is CSS.
      const regions = entry.path.endsWith('.css')
        ? [{ text, at: 0 }]
        : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)].map((match) => ({
            text: match[1] ?? match[2] ?? '',
            at: match.index + match[0].indexOf(match[1] ?? match[2] ?? ''),
          }))
      for (const region of regions) {
        for (const match of region.text.matchAll(CUSTOM_PROPERTY)) {
          const name = match[1] ?? match[2]
          findings.push({
            path: entry.path,
            reason: `Unexpected CSS custom property \`${name}\`, expected plain values (write the value where \`var(${name})\` is used)`,
            offset: region.at + match.index + match[0].indexOf(name ?? ''),
          })
        }
      }
    }
    return findings
  },
}
