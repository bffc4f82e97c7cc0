import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { VFile } from 'vfile'
import { BookError } from '../../errors.ts'
import { isAo3Download, readAo3Download } from '../html/ao3-download.ts'
import { isAo3Page, readAo3Page } from '../html/ao3-page.ts'
import { decodeHtml } from '../html/decode.ts'
import { isFfnPage, readFfnPage } from '../html/ffn.ts'
import { readGenericPage } from '../html/generic.ts'
import { report } from '../html/page.ts'
import { languageOf } from '../language.ts'
import type { ImportedBook } from '../types.ts'
import { refuseDeepHtml } from '../too-deep.ts'

/** The sites whose pages colophon knows, most particular first; any other page is read by its headings. */
const SITES: Array<{ name: string; is: (tree: Root) => boolean; read: (tree: Root, file: VFile) => ImportedBook }> = [
  { name: 'an Archive of Our Own download', is: isAo3Download, read: readAo3Download },
  { name: 'an Archive of Our Own work page', is: isAo3Page, read: readAo3Page },
  { name: 'a FanFiction.net chapter page', is: isFfnPage, read: readFfnPage },
]

/**
 * An HTML story file: decoded (`html/decode.ts`), parsed as a browser
 * would (hast-util-from-html, parse5 underneath, which repairs any
 * markup), then read by the reader of the site it came from, or by its
 * headings. The story's text becomes Markdown through hast-util-to-mdast
 * (`html-to-markdown.ts`). A page without story text is an error.
 */
export async function readHtml(file: VFile): Promise<ImportedBook> {
  const html = decodeHtml(file)
  // Elements nested deeper than the build allows would take parse5 and hast-util-to-mdast minutes: refused first, with their place.
  refuseDeepHtml(html, file)
  const tree = fromHtml(html)
  const site = SITES.find((candidate) => candidate.is(tree))
  if (site) report(file, `read as ${site.name}`, undefined, 'import-site')
  const book = site ? site.read(tree, file) : readGenericPage(tree, file)
  book.chapters = book.chapters.filter((chapter) => chapter.scenes.length > 0 || chapter.headNote || chapter.endNote)
  if (!book.chapters.some((chapter) => chapter.scenes.length > 0)) {
    const message = file.message(
      `Unexpected page without story text, expected ${site ? `the story's text in ${site.name}` : 'paragraphs of a story (in `<body>`, `<main>` or an `<article>`)'}`,
      { ruleId: 'import-empty', source: 'colophon-import' },
    )
    message.fatal = true
    throw new BookError([message])
  }
  if (book.metadata['language'] === undefined) book.metadata['language'] = languageOf(file, book.chapters.flatMap((chapter) => chapter.scenes).join('\n'), 'the page')
  book.metadata = inSchemaOrder(book.metadata)
  return book
}

/** book.yaml's keys in the order its schema and README give them, so a written book.yaml reads top down. */
const ORDER = ['title', 'subtitle', 'author', 'language', 'date', 'description', 'series', 'fandoms', 'rating', 'warnings', 'relationships', 'characters', 'tags', 'source', 'status', 'words']

function inSchemaOrder(metadata: ImportedBook['metadata']): ImportedBook['metadata'] {
  const rank = (key: string): number => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length)
  return Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => rank(a) - rank(b)))
}
