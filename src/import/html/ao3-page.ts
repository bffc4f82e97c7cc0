import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import type { ImportedBook, ImportedChapter } from '../types.ts'
import { chapterCounts, fieldsToMetadata, titleAndAuthor, type Ao3Fields } from './ao3-fields.ts'
import { contentMarkdown, httpUrl, isoDate, removeAll, report, textOf, textsOf } from './page.ts'
import { scenesOf, toScenes } from './scenes.ts'

/** A work page saved from a browser: the work's meta block and its skin. */
export function isAo3Page(tree: Root): boolean {
  return select('#workskin', tree) !== undefined || select('dl.work.meta', tree) !== undefined
}

/**
 * An Archive of Our Own work page as a browser saves it (the whole work,
 * or one chapter of it): `dl.work.meta.group` gives the fields,
 * `#workskin > .preface` the title, byline, summary and work notes,
 * `#chapters > .chapter` the chapters (their `h3.title`, notes, the
 * `[role=article].userstuff` text and end notes), `#work_endnotes` the
 * work's end notes. Everything else on the page (menus, kudos, comments,
 * bookmarks, share and navigation) is never read.
 */
export function readAo3Page(tree: Root, file: VFile): ImportedBook {
  // Landmarks for screen readers ("Chapter Text", "Notes:") and "see the end" jumps are the site's words, not the author's.
  removeAll('.landmark, p.jump', tree)
  const meta = select('dl.work.meta', tree)
  const fields = meta ? pageFields(meta) : {}
  const preface = selectAll('#workskin > .preface.group', tree).find((element) => !hasClass(element, 'afterword'))
  const chapterElements = selectAll('#chapters > .chapter', tree)
  const counts = fields.chapters ? chapterCounts(fields.chapters.value) : undefined
  const whole = chapterElements.length === 0 || (counts !== undefined && chapterElements.length >= counts.done)
  const metadata = fieldsToMetadata(fields, file, whole)

  const titleElement = select('h2.title', preface ?? tree)
  titleAndAuthor(metadata, file, titleElement, select('.byline', preface ?? tree))
  const title = textOf(titleElement)
  const summary = select('.summary blockquote.userstuff', preface ?? tree)
  if (summary && textOf(summary)) {
    metadata['description'] = contentMarkdown(summary)
    report(file, 'summary → description', summary, 'import-description')
  }
  const source = pageUrl(tree)
  if (source) {
    metadata['source'] = source
    report(file, `source \`${source}\`, the page's address`, undefined, 'import-source')
  }
  if (!whole) report(file, `the page holds ${chapterElements.length} of the work's ${counts?.done ?? '?'} chapters posted`, fields.chapters?.node, 'import-chapter')

  const front = []
  const workNotes = preface ? select('.notes blockquote.userstuff', preface) : undefined
  if (workNotes && textOf(workNotes)) {
    front.push({ kind: 'notes', markdown: contentMarkdown(workNotes) })
    report(file, 'work notes → front page `notes`', workNotes, 'import-note')
  }
  const back = []
  const endNotes = select('#work_endnotes blockquote.userstuff', tree)
  if (endNotes && textOf(endNotes)) {
    back.push({ kind: 'end-notes', markdown: contentMarkdown(endNotes) })
    report(file, 'work end notes → back page `end-notes`', endNotes, 'import-note')
  }

  const chapters: ImportedChapter[] = []
  if (chapterElements.length === 0) {
    // A work of one chapter: its text stands right in #chapters.
    const text = select('#chapters .userstuff', tree)
    if (text) {
      chapters.push({ title: title || 'Chapter 1', ...scenesOf(toScenes(text.children, file, 'the work')) })
      report(file, `chapter 1 \`${title}\` (a work of one chapter)`, text, 'import-chapter')
    }
  }
  chapterElements.forEach((element, index) => chapters.push(readChapter(element, index + 1, file)))
  return { metadata, front, chapters, back, images: [] }
}

function readChapter(element: Element, number: number, file: VFile): ImportedChapter {
  const titleElement = select('.preface h3.title', element)
  const title = textOf(titleElement) || `Chapter ${number}`
  report(file, `chapter ${number} \`${title}\``, titleElement ?? element, 'import-chapter')
  const where = `chapter ${number}`
  const text = select('div.userstuff[role=article], div.userstuff.module, div.userstuff', element)
  const chapter: ImportedChapter = { title, ...scenesOf(text ? toScenes(text.children, file, where) : []) }
  const heads = [select('.preface .summary blockquote.userstuff', element), ...selectAll('.preface .notes blockquote.userstuff', element).filter((note) => !isEndNote(note, element))]
  const head = heads.filter((note): note is Element => note !== undefined && textOf(note) !== '')
  if (head.length > 0) {
    chapter.headNote = head.map((note) => contentMarkdown(note)).join('\n')
    for (const note of head) report(file, `${where} ${isSummary(note, element) ? 'summary' : 'notes'} → head note`, note, 'import-note')
  }
  const end = select('.end.notes blockquote.userstuff', element)
  if (end && textOf(end)) {
    chapter.endNote = contentMarkdown(end)
    report(file, `${where} end notes → end note`, end, 'import-note')
  }
  return chapter
}

/** Whether a notes blockquote sits in the chapter's `.end.notes` module. */
function isEndNote(note: Element, chapter: Element): boolean {
  return selectAll('.end.notes blockquote.userstuff', chapter).includes(note)
}

function isSummary(note: Element, chapter: Element): boolean {
  return selectAll('.summary blockquote.userstuff', chapter).includes(note)
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className
  return Array.isArray(classes) && classes.includes(name)
}

/** The fields of `dl.work.meta.group`: each `dd` is named by its class (`fandom tags`, `language`, `series`). */
function pageFields(meta: Element): Ao3Fields {
  const fields: Ao3Fields = {}
  const tags = (kind: string): { value: string[]; node: Element } | undefined => {
    const dd = select(`dd.${kind}`, meta)
    if (!dd) return undefined
    const names = textsOf('a.tag', dd)
    return { value: names.length > 0 ? names : textOf(dd).split(/,\s*/).filter(Boolean), node: dd }
  }
  const text = (selector: string): { value: string; node: Element } | undefined => {
    const node = select(selector, meta)
    return node && textOf(node) ? { value: textOf(node), node } : undefined
  }
  fields.rating = tags('rating')
  fields.warnings = tags('warning')
  fields.categories = tags('category')
  fields.fandoms = tags('fandom')
  fields.relationships = tags('relationship')
  fields.characters = tags('character')
  fields.tags = tags('freeform')
  fields.language = text('dd.language')
  fields.series = text('dd.series .position') ?? text('dd.series')
  const published = text('dl.stats dd.published')
  if (published && isoDate(published.value)) fields.published = { value: isoDate(published.value)!, node: published.node }
  const status = text('dl.stats dd.status')
  const label = text('dl.stats dt.status')
  if (status && label) fields.status = { value: { label: label.value, date: status.value }, node: status.node }
  fields.words = text('dl.stats dd.words')
  fields.chapters = text('dl.stats dd.chapters')
  return fields
}

/**
 * The work's address: the page's canonical link or `og:url`, else the
 * address a browser notes when it saves a page (`<!-- saved from url=… -->`);
 * a chapter's address is cut back to its work's.
 */
function pageUrl(tree: Root): string | undefined {
  const link = select('link[rel=canonical]', tree)?.properties.href ?? select('meta[property="og:url"]', tree)?.properties.content
  let url = httpUrl(link)
  if (!url) {
    for (const node of tree.children) {
      if (node.type !== 'comment') continue
      const at = node.value.indexOf('url=')
      if (at < 0) continue
      const rest = node.value.slice(at + 4).trim().replace(/^\(\d+\)/, '')
      url = httpUrl(rest.split(/\s/)[0])
      if (url) break
    }
  }
  if (!url) return undefined
  const parsed = new URL(url)
  const work = /^\/works\/\d+/.exec(parsed.pathname)
  return work ? `${parsed.origin}${work[0]}` : url
}
