import { join } from 'node:path'
import { VFile } from 'vfile'
import { isNamed, isRefusal, readInside, type Manuscript } from './open.ts'
import { MAX_PIXELS, pixelProblem } from './pixels.ts'
import { displayPath, refuse } from './read-text.ts'
import type { GivenCover } from './types.ts'

const CANDIDATES = [
  { name: 'cover.jpg', mediaType: 'image/jpeg' },
  { name: 'cover.jpeg', mediaType: 'image/jpeg' },
  { name: 'cover.png', mediaType: 'image/png' },
] as const

/**
 * Read the manuscript's cover image, if it has one. A file whose bytes are
 * not the image its name says, or that cannot be read (see open.ts), gets a
 * fatal message on the returned vfile.
 */
export async function loadCover(manuscript: Manuscript): Promise<{ cover?: GivenCover; file?: VFile }> {
  const { cwd } = manuscript
  for (const candidate of CANDIDATES) {
    const path = join(manuscript.folder, candidate.name)
    // Anything of the name counts (a link, a folder, a FIFO): what cannot be read as the cover is an error at it.
    if (!isNamed(path)) continue
    const shown = displayPath(path, cwd)
    const file = new VFile({ path: shown, cwd })
    const bytes = readInside(manuscript, path)
    if (isRefusal(bytes)) {
      refuse(file, bytes, 'cover')
      return { file }
    }
    const data = new Uint8Array(bytes)
    if (sniff(data) !== candidate.mediaType) {
      const message = file.message(
        `Unexpected content for \`${candidate.name}\`, expected a ${candidate.mediaType === 'image/png' ? 'PNG' : 'JPEG'} image`,
        { ruleId: 'cover-format', source: 'colophon-load' },
      )
      message.fatal = true
      return { file }
    }
    const pixels = await pixelProblem(data)
    if (pixels) {
      const message = file.message(
        `Unexpected cover image ${pixels}, expected at most ${MAX_PIXELS / 1_000_000} megapixels (a reader decodes it whole: scale it down, 1600 × 2400 is plenty)`,
        { ruleId: 'cover-size', source: 'colophon-load' },
      )
      message.fatal = true
      return { file }
    }
    return { cover: { path: shown, mediaType: candidate.mediaType, data }, file }
  }
  return {}
}

function sniff(data: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png'
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  return undefined
}
