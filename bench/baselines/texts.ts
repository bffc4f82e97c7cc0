/**
 * Reading a benchmark manuscript's Markdown the plain way, for the baselines:
 * the layout `bench/generate.ts` writes (front/*.md, chapters/NNN-slug/ with
 * scene files and maybe an end note), in file-name order. No checks and no
 * positions: the baselines measure what the job costs without them.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface PlainText {
  path: string
  markdown: string
}

/** Every Markdown text of the manuscript: the front matter, then each chapter's. */
export async function markdownTexts(folder: string): Promise<PlainText[]> {
  const texts = await markdownIn(folder, 'front')
  for (const name of await chapterFolders(folder)) texts.push(...(await chapterTexts(folder, name)))
  return texts
}

/** The chapters' folder names, in order. */
export function chapterFolders(folder: string): Promise<string[]> {
  return sorted(join(folder, 'chapters'))
}

/** A chapter's scenes in order, then its end note, as colophon places it. */
export async function chapterTexts(folder: string, name: string): Promise<PlainText[]> {
  const texts = await markdownIn(folder, join('chapters', name))
  return texts.sort((a, b) => Number(a.path.endsWith('end-note.md')) - Number(b.path.endsWith('end-note.md')))
}

export async function markdownIn(folder: string, sub: string): Promise<PlainText[]> {
  const names = (await sorted(join(folder, sub))).filter((name) => name.endsWith('.md'))
  return Promise.all(names.map(async (name) => ({ path: `${sub}/${name}`, markdown: await readFile(join(folder, sub, name), 'utf8') })))
}

async function sorted(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort()
  } catch {
    return []
  }
}
