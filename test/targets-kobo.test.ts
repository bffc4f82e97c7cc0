import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { targets } from '../src/index.ts'
import { transformFor } from '../src/targets/index.ts'
import { ROOT } from './helpers/cli.ts'

const FIXTURE = join(ROOT, 'test', 'fixtures', 'targets', 'kobo')

/**
 * The kobo target's transforms on a fixture page (inline markup, a note,
 * an image, nested blocks, a soft hyphen); `expected.xhtml` is the result,
 * regenerated with UPDATE=1 and reviewed as a diff.
 */
describe('the kobo target on a fixture page', () => {
  it('wraps sentences and images in numbered koboSpans, marks the noteref, links kobo.css, drops the soft hyphen', async () => {
    const publication = {
      opfPath: 'EPUB/content.opf',
      entries: [
        { path: 'EPUB/content.opf', data: await readFile(join(FIXTURE, 'content.opf'), 'utf8') },
        { path: 'EPUB/css/book.css', data: 'p { margin: 0; }\n' },
        { path: 'EPUB/text/page.xhtml', data: await readFile(join(FIXTURE, 'page.xhtml'), 'utf8') },
      ],
    }
    const result = transformFor(publication, targets.kobo)
    const page = result.entries.find((entry) => entry.path === 'EPUB/text/page.xhtml')!.data as string
    const expectedPath = join(FIXTURE, 'expected.xhtml')
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) await writeFile(expectedPath, page)
    expect(page).toBe(await readFile(expectedPath, 'utf8'))
    expect(result.entries.map((entry) => entry.path)).toEqual(['EPUB/content.opf', 'EPUB/css/book.css', 'EPUB/css/kobo.css', 'EPUB/text/page.xhtml'])
    expect(result.entries[0]!.data).toContain('<item id="css-kobo" href="css/kobo.css" media-type="text/css"/>')
    // The input is left as it was: transforms are pure.
    expect(publication.entries[2]!.data).toContain('\u00AD')
  })
})
