import { ncxPoints } from './ncx.ts'
import type { PreflightRule } from './types.ts'

export const spineNcxOrder: PreflightRule = {
  id: 'spine-ncx-order',
  summary: 'the book has an NCX and its entries follow the spine’s reading order, each pointing at a spine document: Kindle builds its “Go to” menu and progress from the NCX and rejects or scrambles one that jumps back',
  check({ publication, pkg }) {
    const ncxPath = pkg.ncx?.path ?? publication.opfPath
    const points = ncxPoints(publication, pkg)
    if (!points) return [{ path: ncxPath, reason: 'Unexpected book without an NCX, expected `<spine toc="ncx">` and a `toc.ncx`' }]
    const spine = pkg.spine.map((item) => item.path)
    let last = -1
    for (const point of points) {
      const index = spine.indexOf(point.path)
      if (index === -1) {
        return [{ path: ncxPath, reason: `Unexpected NCX entry “${point.label}” to \`${point.src}\`, which is not in the spine, expected a document of the spine` }]
      }
      if (index < last) {
        return [
          {
            path: ncxPath,
            reason: `Unexpected NCX entry “${point.label}” to \`${point.src}\` (spine item ${index + 1}) after spine item ${last + 1}, expected NCX entries in spine order`,
          },
        ]
      }
      last = index
    }
    return []
  },
}
