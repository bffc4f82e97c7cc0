import type { VFile } from 'vfile'
import { parse } from 'yaml'
import { BookError } from '../../errors.ts'
import type { ImportedBook, ImportedChapter, ImportedMetadata } from '../types.ts'

/**
 * THROWAWAY (branch import-cli): a minimal Markdown reader so the CLI's
 * import and `build FILE` can be tested before the real reader lands; the
 * real one replaces this file at merge. It reads YAML front matter (`title`,
 * `author`, `lang`, `date`), `# ` headings as chapters and `* * *` lines as
 * scene breaks, and reports each guess at its line.
 */
export async function readMarkdown(file: VFile): Promise<ImportedBook> {
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(file.value as Uint8Array)
  } catch {
    const message = file.message('Unexpected bytes that are not UTF-8, expected a Markdown text', { place: { line: 1, column: 1 }, ruleId: 'import-encoding', source: 'colophon-import' })
    message.fatal = true
    throw new BookError([message])
  }
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  const metadata: ImportedMetadata = {}
  let at = 0
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    if (end > 0) {
      const data = parse(lines.slice(1, end).join('\n')) as Record<string, unknown> | null
      for (const [from, to] of [['title', 'title'], ['author', 'author'], ['lang', 'language'], ['date', 'date']] as const) {
        const value = data?.[from]
        if (typeof value === 'string' || typeof value === 'number') metadata[to] = String(value)
        else if (Array.isArray(value)) metadata[to] = value.map(String)
        if (value !== undefined) file.info(`${to} from the front matter's \`${from}:\``, { place: { line: 2, column: 1 }, ruleId: 'import-metadata', source: 'colophon-import' })
      }
      at = end + 1
    }
  }
  const chapters: ImportedChapter[] = []
  let scene: string[] = []
  let current: ImportedChapter | undefined
  const endScene = (): void => {
    const body = scene.join('\n').trim()
    if (body && current) current.scenes.push(`${body}\n`)
    scene = []
  }
  for (let index = at; index < lines.length; index++) {
    const line = lines[index] as string
    const heading = /^# +(.+?)\s*#*\s*$/.exec(line)
    if (heading) {
      endScene()
      current = { title: heading[1] as string, scenes: [] }
      chapters.push(current)
      file.info(`chapter ${chapters.length} \`${current.title}\``, { place: { line: index + 1, column: 1 }, ruleId: 'import-chapter', source: 'colophon-import' })
    } else if (/^\s*\* *\* *\*\s*$/.test(line)) {
      endScene()
      file.info('scene break `* * *`', { place: { line: index + 1, column: 1 }, ruleId: 'import-scene-break', source: 'colophon-import' })
    } else {
      if (!current && line.trim() !== '') {
        current = { title: typeof metadata.title === 'string' ? metadata.title : 'Chapter 1', scenes: [] }
        chapters.push(current)
      }
      if (current) scene.push(line)
    }
  }
  endScene()
  const kept = chapters.filter((chapter) => chapter.scenes.length > 0)
  if (kept.length === 0) {
    const message = file.message('Unexpected file without story text, expected Markdown paragraphs', { place: { line: 1, column: 1 }, ruleId: 'import-empty', source: 'colophon-import' })
    message.fatal = true
    throw new BookError([message])
  }
  return { metadata, front: [], chapters: kept, back: [], images: [] }
}
