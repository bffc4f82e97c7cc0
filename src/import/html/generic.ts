import type { Element, ElementContent, Root, RootContent } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import type { ImportedBook, ImportedChapter, ImportedMetadata, ImportedPage } from '../types.ts'
import { hastToMarkdown, hastToTracedMarkdown } from '../html-to-markdown.ts'
import { removeAll, report, textOf } from './page.ts'
import { takeNotes } from './notes.ts'
import { addNote, scenesOf, toScenes } from './scenes.ts'

/** A page's parts that are never the story: navigation, banners, forms, scripts. */
const CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, button, iframe, [role=navigation], [role=banner], [role=contentinfo], [role=search], [role=complementary], [hidden]'

const HEADINGS = ['h1', 'h2', 'h3'] as const

/**
 * Any other HTML page (one a writer exported, pandoc's or calibre's HTML, a
 * blog post): the story is the page's `main` or single `article` when it
 * has one, else its body, without navigation, banners and forms. Chapters
 * start at the heading level that repeats (`h1`, else `h2`, else `h3`); a
 * single `h1` above them is the book's title; what comes before the first
 * chapter is a front page. Headings above the chapter level further on
 * (parts) open the chapter after them. Title, author, language and
 * description also come from `<title>`, `<meta name=author>`, `<html
 * lang>` and `<meta name=description>`.
 */
export function readGenericPage(tree: Root, file: VFile): ImportedBook {
  const metadata = headMetadata(tree, file)
  removeAll(CHROME, tree)
  const articles = selectAll('article', tree)
  const scope: Element | Root = select('main, [role=main]', tree) ?? (articles.length === 1 ? articles[0]! : undefined) ?? select('body', tree) ?? tree
  const nodes = flatten(scope.children).filter((node) => !isLinkList(node, file))
  const level = HEADINGS.find((name, index) => {
    const count = nodes.filter((node) => isHeading(node, name)).length
    // h1 is the chapter level when it repeats; a deeper level is when no shallower one does (a lone h1 is the title).
    return count >= 2 && HEADINGS.slice(0, index).every((above) => nodes.filter((node) => isHeading(node, above)).length <= 1)
  })
  let title: Element | undefined
  if (level !== 'h1') title = nodes.find((node): node is Element => isHeading(node, 'h1'))
  if (title && textOf(title)) {
    metadata['title'] = textOf(title)
    report(file, `title \`${textOf(title)}\` from the page's one \`<h1>\``, title, 'import-title')
  }
  const front: ImportedPage[] = []
  const chapters: ImportedChapter[] = []
  let before: RootContent[] = []
  let current: { title: string; heading: Element; nodes: RootContent[] } | undefined
  let pending: RootContent[] = []
  const chapterOf = (title: string, nodes: RootContent[]): ImportedChapter => {
    const where = `chapter ${chapters.length + 1}`
    const notes = takeNotes(nodes, file, where, { disclaimer: !front.some((page) => page.kind === 'disclaimer') })
    if (notes.disclaimer) front.push({ kind: 'disclaimer', markdown: hastToMarkdown(notes.disclaimer) })
    const chapter: ImportedChapter = { title, ...scenesOf(toScenes(notes.body, file, where)) }
    if (notes.head) addNote(chapter, 'headNote', hastToTracedMarkdown(notes.head))
    if (notes.end) addNote(chapter, 'endNote', hastToTracedMarkdown(notes.end))
    return chapter
  }
  const close = (): void => {
    if (current) chapters.push(chapterOf(current.title, current.nodes))
  }
  for (const node of nodes) {
    if (node === title) continue
    if (level && isHeading(node, level)) {
      close()
      current = { title: textOf(node) || `Chapter ${chapters.length + 1}`, heading: node, nodes: pending }
      report(file, `chapter ${chapters.length + 1} \`${current.title}\` (a \`<${level}>\`)`, node, 'import-chapter')
      pending = []
    } else if (level && node.type === 'element' && HEADINGS.indexOf(node.tagName as 'h1') >= 0 && HEADINGS.indexOf(node.tagName as 'h1') < HEADINGS.indexOf(level)) {
      // A part's heading belongs with the chapter it opens.
      pending.push(node)
      report(file, `heading \`${textOf(node)}\` above the chapters' level kept at the start of the next chapter`, node, 'import-chapter')
    } else if (current) {
      if (pending.length > 0) {
        current.nodes.push(...pending)
        pending = []
      }
      current.nodes.push(node)
    } else before.push(node)
  }
  if (current) current.nodes.push(...pending)
  else before.push(...pending)
  close()
  if (!level) {
    const name = String(metadata['title'] ?? 'Chapter 1')
    chapters.push(chapterOf(name, before))
    report(file, `no chapter headings (\`<h1>\`–\`<h3>\` repeated): the text is one chapter \`${name}\``, scope.type === 'element' ? scope : undefined, 'import-chapter')
    before = []
  }
  const opening = before.length > 0 ? hastToMarkdown({ type: 'root', children: before } as Root) : ''
  if (opening.trim() !== '') {
    const kind = frontKind(opening)
    front.push({ kind, markdown: opening })
    report(file, `text before the first chapter → front page \`${kind}\``, before.find((node) => node.type === 'element'), 'import-front')
  }
  return { metadata, front, chapters, back: [], images: [] }
}

/** A front page's kind by how it opens: a disclaimer, a note, a short `For …`/`To …` dedication, else a preface. */
function frontKind(markdown: string): string {
  if (/^\W*disclaimer\b/i.test(markdown)) return 'disclaimer'
  if (/^\W*(a\/n\b|an:|author'?s'? notes?\b|notes?:)/i.test(markdown)) return 'notes'
  if (/^\W*(for|to)\s/i.test(markdown) && markdown.split(/\s+/).length <= 40) return 'dedication'
  return 'preface'
}

/**
 * A block that is only links (`Home | Next chapter`, a table of them):
 * a page's navigation, written without `<nav>`. Reported when dropped.
 */
function isLinkList(node: RootContent, file: VFile): boolean {
  if (node.type !== 'element' || !['p', 'div', 'table', 'center', 'ul', 'ol', 'font', 'span', 'a'].includes(node.tagName)) return false
  const links = selectAll('a[href]', node)
  if (node.tagName === 'a' ? !node.properties.href : links.length === 0) return false
  let outside = ''
  const walk = (child: RootContent | ElementContent): void => {
    if (child.type === 'text') outside += child.value
    else if (child.type === 'element' && !(child.tagName === 'a' && child.properties.href)) for (const grandchild of child.children) walk(grandchild)
  }
  if (node.tagName !== 'a') walk(node)
  if (/[\p{L}\p{N}]/u.test(outside)) return false
  report(file, `links \`${textOf(node)}\` left out: the page's navigation`, node, 'import-chrome')
  return true
}

function isHeading(node: RootContent, name: string): node is Element {
  return node.type === 'element' && node.tagName === name
}

/** The page's blocks in reading order, `div`/`section` wrappers opened so headings inside them are seen. */
function flatten(children: readonly (RootContent | ElementContent)[]): RootContent[] {
  const out: RootContent[] = []
  for (const child of children) {
    if (child.type === 'element' && ['div', 'section', 'article', 'main', 'body', 'html'].includes(child.tagName) && child.children.some((node) => node.type === 'element' && /^(h[1-6]|section|article|div)$/.test(node.tagName))) {
      out.push(...flatten(child.children))
    } else out.push(child as RootContent)
  }
  return out
}

function headMetadata(tree: Root, file: VFile): ImportedMetadata {
  const metadata: ImportedMetadata = {}
  const titleElement = select('head title', tree)
  if (textOf(titleElement)) {
    metadata['title'] = textOf(titleElement)
    report(file, `title \`${textOf(titleElement)}\` from \`<title>\``, titleElement, 'import-title')
  }
  const author = select('meta[name=author]', tree)
  const name = String(author?.properties.content ?? '').trim()
  if (name) {
    metadata['author'] = name
    report(file, `author \`${name}\` from \`<meta name=author>\``, author, 'import-author')
  }
  const html = select('html', tree)
  const lang = String(html?.properties.lang ?? '').trim()
  if (lang) {
    try {
      const [tag] = Intl.getCanonicalLocales(lang)
      if (tag) {
        metadata['language'] = tag
        report(file, `language \`${tag}\` from \`<html lang>\``, html, 'import-language')
      }
    } catch {
      report(file, `language \`${lang}\` in \`<html lang>\` is not a BCP 47 tag; set \`language\` in book.yaml`, html, 'import-language')
    }
  }
  const description = String(select('meta[name=description]', tree)?.properties.content ?? '').trim()
  if (description) {
    metadata['description'] = hastToMarkdown({ type: 'root', children: [{ type: 'text', value: description }] })
    report(file, 'description from `<meta name=description>`', select('meta[name=description]', tree), 'import-description')
  }
  return metadata
}
