import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import { RATINGS } from '../../load/metadata-schema.ts'
import { hastToMarkdown, hastToTracedMarkdown } from '../html-to-markdown.ts'
import type { ImportedBook, ImportedChapter, ImportedMetadata, ImportedPage } from '../types.ts'
import { takeNotes } from './notes.ts'
import { languageTag } from '../language.ts'
import { count, httpUrl, report, textOf } from './page.ts'
import { addNote, scenesOf, toScenes } from './scenes.ts'

/** A FanFiction.net (or FictionPress) chapter page: the story's `#storytext`. */
export function isFfnPage(tree: Root): boolean {
  return select('#storytext', tree) !== undefined && select('#profile_top', tree) !== undefined
}

/** FanFiction.net's genres, which come between the language and the characters in the stats line. */
const GENRES = new Set(['Adventure', 'Angst', 'Crime', 'Drama', 'Family', 'Fantasy', 'Friendship', 'General', 'Horror', 'Humor', 'Hurt/Comfort', 'Mystery', 'Parody', 'Poetry', 'Romance', 'Sci-Fi', 'Spiritual', 'Supernatural', 'Suspense', 'Tragedy', 'Western'])

/**
 * A FanFiction.net chapter page as a browser saves it: `#profile_top`
 * gives the title (`b.xcontrast_txt`), the author's link (`/u/…`), the
 * summary and the stats line (`span.xgray`: `Rated: Fiction T - English -
 * Romance/Drama - [Ann B., Carl D.] Eve F. - Chapters: 3 - Words: 9,999 -
 * … - Published: <span data-xutime> - Status: Complete - id: 123`);
 * `#pre_story_links` the fandom; `#chap_select` the chapter's title;
 * `#storytext` the text. The page holds one chapter.
 */
export function readFfnPage(tree: Root, file: VFile): ImportedBook {
  const profile = select('#profile_top', tree)!
  const metadata: ImportedMetadata = {}
  const found = (key: string, value: ImportedMetadata[string], node: Element | undefined, from: string): void => {
    metadata[key] = value
    report(file, `${key} from ${from}`, node, `import-${key}`)
  }
  const titleElement = select('b.xcontrast_txt', profile)
  const title = textOf(titleElement)
  if (title) found('title', title, titleElement, 'the title line')
  const authorElement = selectAll('a', profile).find((a) => String(a.properties.href ?? '').includes('/u/'))
  if (authorElement && textOf(authorElement)) found('author', textOf(authorElement), authorElement, 'the author link')
  const summary = selectAll('div.xcontrast_txt', profile).find((div) => textOf(div) !== '')
  if (summary) found('description', hastToMarkdown(summary), summary, 'the summary')
  const fandomLinks = selectAll('#pre_story_links a', tree)
  const fandom = fandomLinks[fandomLinks.length - 1]
  if (fandom && textOf(fandom)) found('fandoms', [textOf(fandom)], fandom, 'the story links')
  const stats = select('span.xgray', profile)
  const story = stats ? readStats(stats) : undefined
  if (stats && story) {
    if (story.rating && (RATINGS as readonly string[]).includes(story.rating)) found('rating', story.rating, stats, `\`Rated: ${story.rating}\``)
    const language = story.language ? languageTag(story.language) : undefined
    if (language) found('language', language, stats, `\`${story.language}\``)
    else if (story.language) report(file, `language \`${story.language}\` not recognised; set \`language\` in book.yaml`, stats, 'import-language')
    const tags = story.genres
    if (tags.length > 0) found('tags', tags, stats, 'the genres')
    if (story.relationships.length > 0) found('relationships', story.relationships, stats, 'the bracketed characters')
    if (story.characters.length > 0) found('characters', story.characters, stats, 'the characters')
    if (story.published) found('date', story.published, stats, 'the published date')
    found('status', story.complete ? 'complete' : 'in-progress', stats, story.complete ? '`Status: Complete`' : 'no `Status: Complete`')
    if (story.words !== undefined && (story.chapters ?? 1) === 1) found('words', story.words, stats, 'the word count')
  }
  const canonical = httpUrl(select('link[rel=canonical]', tree)?.properties.href)
  if (canonical) found('source', storyUrl(canonical), undefined, "the page's canonical address")

  const option = select('#chap_select option[selected]', tree)
  const chapterTitle = option ? textOf(option).replace(/^\d+\.\s*/, '') : title || 'Chapter 1'
  const text = select('#storytext', tree)!
  report(file, `chapter 1 \`${chapterTitle}\`${story?.chapters && story.chapters > 1 ? ` (the page holds one of the story's ${story.chapters} chapters)` : ''}`, option ?? text, 'import-chapter')
  const notes = takeNotes(text.children, file, 'the chapter', { disclaimer: true })
  const chapter: ImportedChapter = { title: chapterTitle, ...scenesOf(toScenes(notes.body, file, 'the chapter')) }
  if (notes.head) addNote(chapter, 'headNote', hastToTracedMarkdown(notes.head))
  if (notes.end) addNote(chapter, 'endNote', hastToTracedMarkdown(notes.end))
  const front: ImportedPage[] = notes.disclaimer ? [{ kind: 'disclaimer', markdown: hastToMarkdown(notes.disclaimer) }] : []
  return { metadata, front, chapters: [chapter], back: [], images: [] }
}

interface Stats {
  rating?: string
  language?: string
  genres: string[]
  relationships: string[]
  characters: string[]
  chapters?: number
  words?: number
  published?: string
  complete: boolean
}

/**
 * The stats line, read field by field: ` - ` parts, labelled (`Rated:`,
 * `Chapters:`) or in their set place (the language second, then genres,
 * then characters, with `[A, B]` a pairing). Dates are the `data-xutime`
 * of their `<span>` (seconds since 1970, UTC), not the text, which the site
 * shortens.
 */
function readStats(stats: Element): Stats {
  const result: Stats = { genres: [], relationships: [], characters: [], complete: false }
  const times: string[] = []
  for (const span of selectAll('span[data-xutime]', stats)) {
    const seconds = Number(span.properties.dataXutime)
    if (Number.isFinite(seconds)) times.push(new Date(seconds * 1000).toISOString().slice(0, 10))
  }
  const parts = textOf(stats).split(' - ').map((part) => part.trim())
  let position = 0
  const relationships: string[] = []
  for (const part of parts) {
    const colon = part.indexOf(':')
    const label = colon > 0 ? part.slice(0, colon).trim() : ''
    const value = colon > 0 ? part.slice(colon + 1).trim() : part
    position++
    if (label === 'Rated') result.rating = value.replace(/^Fiction\s+/, '')
    else if (label === 'Chapters') result.chapters = count(value)
    else if (label === 'Words') result.words = count(value)
    else if (label === 'Status') result.complete = value === 'Complete'
    else if (label === 'Published') result.published = times[times.length - 1]
    else if (label) continue
    else if (position === 2) result.language = value
    else if (value.split('/').every((genre) => GENRES.has(genre))) result.genres = value.split('/')
    else {
      // Characters: `[A, B] C, D`: a bracket is a pairing.
      let rest = value
      while (rest.includes('[')) {
        const open = rest.indexOf('[')
        const close = rest.indexOf(']', open)
        if (close < 0) break
        const pair = rest.slice(open + 1, close).split(',').map((name) => name.trim()).filter(Boolean)
        relationships.push(pair.join('/'))
        result.characters.push(...pair)
        rest = rest.slice(0, open) + ',' + rest.slice(close + 1)
      }
      result.characters.push(...rest.split(',').map((name) => name.trim()).filter(Boolean))
    }
  }
  result.relationships = relationships
  return result
}

/** A chapter's address cut back to the story's: `/s/123/4/Title` → `/s/123`. */
function storyUrl(url: string): string {
  const parsed = new URL(url)
  const story = /^\/s\/\d+/.exec(parsed.pathname)
  return story ? `${parsed.origin}${story[0]}` : url
}
