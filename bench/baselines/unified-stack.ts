/**
 * The build the brief's packages make when put together the obvious way, as
 * issue 6 measured it: unified with remark-parse, remark-smartypants,
 * remark-rehype and rehype-stringify turns each text into HTML, and
 * epub-gen-memory packages the chapters into an EPUB 3.
 *
 *   node bench/out/baselines/unified-stack.mjs MANUSCRIPT OUT.epub
 */
import { writeFile } from 'node:fs/promises'
import epubGenMemory from 'epub-gen-memory'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'
import { readPlainBook } from './book.ts'

const [folder, out] = process.argv.slice(2)
if (!folder || !out) {
  console.error('Usage: node unified-stack.mjs MANUSCRIPT OUT.epub')
  process.exit(2)
}

// A CommonJS module: Node's import gives its exports object, whose `default` is the function.
const epub = epubGenMemory.default
const processor = unified().use(remarkParse).use(remarkSmartypants).use(remarkRehype).use(rehypeStringify)
const html = (markdown: string): string => String(processor.processSync(markdown))

const book = await readPlainBook(folder)
const chapters = [
  ...book.front.map(({ markdown }) => ({ title: 'Disclaimer', content: html(markdown) })),
  ...book.chapters.map((chapter) => ({ title: chapter.title, content: chapter.texts.map(({ markdown }) => html(markdown)).join('\n<hr/>\n') })),
]
const bytes = await epub({ title: book.title, author: book.author, lang: book.language, verbose: false, version: 3 }, chapters)
await writeFile(out, bytes)
