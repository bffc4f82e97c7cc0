import type { Publication } from '../../package/index.ts'
import { insertEntry } from '../publication.ts'
import type { Transform } from '../types.ts'

export const DISPLAY_OPTIONS_PATH = 'META-INF/com.apple.ibooks.display-options.xml'

/**
 * Apple Books sets its own font on every book unless this file says the
 * book's fonts are meant: `specified-fonts` keeps our CSS (the fonts,
 * small caps, the scene-break ornament's sizing) in force on every device.
 */
const DISPLAY_OPTIONS = `<?xml version="1.0" encoding="utf-8"?>
<display_options>
<platform name="*">
<option name="specified-fonts">true</option>
</platform>
</display_options>
`

export const appleDisplayOptions: Transform = {
  id: 'display-options',
  summary: 'adds `META-INF/com.apple.ibooks.display-options.xml` with `specified-fonts` on every platform, so Apple Books keeps the book’s own fonts and styles',
  apply: (publication: Publication): Publication =>
    insertEntry(publication, { path: DISPLAY_OPTIONS_PATH, data: DISPLAY_OPTIONS }, 'META-INF/container.xml'),
}
