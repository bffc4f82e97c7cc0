/**
 * A synthetic book in colophon's manuscript layout, as a pure function of
 * (size, seed): the same inputs give byte-identical files.
 *
 *   book.yaml
 *   front/01-disclaimer.md
 *   chapters/NNN-chapter-slug/chapter.yaml
 *   chapters/NNN-chapter-slug/NN-scene-slug.md
 *   chapters/NNN-chapter-slug/end-note.md   (some chapters)
 */
import { hashString, mulberry32, uuidFrom, type Random } from './prng.ts'
import { countWords, english, prose, slugify, titleWords } from './prose.ts'
import { french } from './prose-fr.ts'
import { firstNames, surnames } from './vocabulary.ts'

/** Target word counts. Scene and chapter shapes follow the 1M-word measurement (≈209 chapters, ≈953 scenes). */
export const sizes = { '10k': 10_000, '100k': 100_000, '120k': 120_000, '1m': 1_000_000 } as const
export type SizeName = keyof typeof sizes

/** The languages the generator writes: English (`prose.ts`) and French (`prose-fr.ts`, dialogue typed with `- `). */
export const benchLanguages = ['en', 'fr'] as const
export type BenchLanguage = (typeof benchLanguages)[number]

export function isBenchLanguage(value: string): value is BenchLanguage {
  return (benchLanguages as readonly string[]).includes(value)
}

export function isSizeName(value: string): value is SizeName {
  return Object.hasOwn(sizes, value)
}

/** Bump when the output changes, so cached manuscripts are regenerated. */
export const generatorVersion = 2

const sceneWords = { min: 600, max: 1_480 } // mean ≈ 1,040
const scenesPerChapter = { min: 3, max: 6 } // mean ≈ 4.5
/** Below this, what is left joins the current scene instead of starting a new one. */
const shortestScene = 400

export interface Scene {
  slug: string
  text: string
}

export interface Chapter {
  title: string
  slug: string
  scenes: Scene[]
  endNote?: string
}

export interface Book {
  language: BenchLanguage
  title: string
  author: string
  identifier: string
  description: string
  disclaimer: string
  chapters: Chapter[]
  words: number
}

export interface ManuscriptFile {
  /** POSIX path relative to the manuscript root. */
  path: string
  text: string
}

const disclaimer =
  'This is a work of fiction, written by a seeded random generator for the colophon benchmark. ' +
  'Names, characters, places and incidents are the product of that generator, and any resemblance ' +
  'to actual persons, living or dead, or to actual events is purely coincidental.\n'

export function generateBook(size: SizeName, seed: number, language: BenchLanguage = 'en'): Book {
  // English keeps the seed string it always had, so its books stay byte for byte the same.
  const random = mulberry32(hashString(language === 'en' ? `colophon-bench:${seed}:${size}` : `colophon-bench:${language}:${seed}:${size}`))
  const total = sizes[size]
  const title = titleWords(random)
  const author = `${random.pick(firstNames)} ${random.pick(surnames)}`
  const identifier = `urn:uuid:${uuidFrom(random)}`
  const chapters: Chapter[] = []
  let left = total - countWords(disclaimer)
  while (left > 0) {
    const chapter = nextChapter(random, chapters.length + 1, left, language)
    left -= chapter.words
    chapters.push(chapter.chapter)
  }
  return {
    language,
    title,
    author,
    identifier,
    description: `A synthetic ${size}-word manuscript for the colophon benchmark (seed ${seed}).`,
    disclaimer,
    chapters,
    words: total
  }
}

function nextChapter(random: Random, number: number, budget: number, language: BenchLanguage): { chapter: Chapter; words: number } {
  const vocabulary = language === 'fr' ? french : english
  const name = titleWords(random)
  const scenes: Scene[] = []
  let left = budget
  const sceneCount = random.int(scenesPerChapter.min, scenesPerChapter.max)
  for (let index = 0; index < sceneCount && left > 0; index++) {
    let words = random.int(sceneWords.min, sceneWords.max)
    if (left - words < shortestScene) words = left
    const text = prose(random, words, { sceneBreak: random.chance(0.25), vocabulary })
    scenes.push({ slug: slugify(titleWords(random)), text })
    left -= words
  }
  const chapter: Chapter = { title: language === 'fr' ? `Chapitre ${number}` : `Chapter ${number}: ${name}`, slug: slugify(name), scenes }
  // End notes only while plenty is left, so the book still ends on a scene.
  if (left > 2_000 && random.chance(0.3)) {
    const words = random.int(60, 200)
    chapter.endNote = language === 'fr' ? `*Note :* ${prose(random, words - 1, { dialogue: 0, vocabulary })}` : `*Author's note:* ${prose(random, words - 2, { dialogue: 0 })}`
    left -= words
  }
  return { chapter, words: budget - left }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

/** YAML double-quoted scalars are a superset of JSON strings. */
const quote = (text: string): string => JSON.stringify(text)

export function manuscriptFiles(book: Book): ManuscriptFile[] {
  const files: ManuscriptFile[] = [
    {
      path: 'book.yaml',
      text: [
        `title: ${quote(book.title)}`,
        `author: ${quote(book.author)}`,
        `language: ${book.language}`,
        `identifier: ${book.identifier}`,
        'date: "2020-01-01"',
        `description: ${quote(book.description)}`,
        ''
      ].join('\n')
    },
    { path: 'front/01-disclaimer.md', text: book.disclaimer }
  ]
  const width = Math.max(3, String(book.chapters.length).length)
  book.chapters.forEach((chapter, index) => {
    const folder = `chapters/${pad(index + 1, width)}-${chapter.slug}`
    files.push({ path: `${folder}/chapter.yaml`, text: `title: ${quote(chapter.title)}\n` })
    chapter.scenes.forEach((scene, sceneIndex) => {
      files.push({ path: `${folder}/${pad(sceneIndex + 1, 2)}-${scene.slug}.md`, text: scene.text })
    })
    if (chapter.endNote !== undefined) files.push({ path: `${folder}/end-note.md`, text: chapter.endNote })
  })
  return files
}

/**
 * The same text as one Markdown file for pandoc: metadata block, the
 * disclaimer, then `# Chapter title` per chapter with `* * *` between scenes.
 */
export function pandocMarkdown(book: Book): string {
  const parts = [
    [
      '---',
      `title: ${quote(book.title)}`,
      `author: ${quote(book.author)}`,
      `lang: ${book.language}`,
      `identifier: ${quote(book.identifier)}`,
      'date: "2020-01-01"',
      `description: ${quote(book.description)}`,
      '---',
      ''
    ].join('\n'),
    `# Disclaimer {.unnumbered}\n\n${book.disclaimer}`
  ]
  for (const chapter of book.chapters) {
    const body = chapter.scenes.map((scene) => scene.text).join('\n* * *\n\n')
    const note = chapter.endNote === undefined ? '' : `\n* * *\n\n${chapter.endNote}`
    parts.push(`# ${chapter.title}\n\n${body}${note}`)
  }
  return parts.join('\n')
}

/**
 * The same text as one plain-text file, as a story arrives pasted or from
 * an archive (`colophon build book.txt` reads it): title and author lines,
 * the disclaimer, then `Chapter N: Title` headings with `* * *` between
 * scenes and the author's note after its chapter. Emphasis stays `*x*`.
 */
export function plainText(book: Book): string {
  const parts = [`${book.title}\n\nby ${book.author}\n`, `Disclaimer: ${book.disclaimer}`]
  for (const chapter of book.chapters) {
    const body = chapter.scenes.map((scene) => scene.text.trim()).join('\n\n* * *\n\n')
    const note = chapter.endNote === undefined ? '' : `\n\n${chapter.endNote.replace("*Author's note:*", "Author's Note:").trim()}`
    parts.push(`${chapter.title}\n\n${body}${note}\n`)
  }
  return parts.join('\n\n')
}
