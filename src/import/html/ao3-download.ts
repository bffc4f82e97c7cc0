import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import type { ImportedBook, ImportedChapter, ImportedPage } from '../types.ts'
import { chapterCounts, fieldName, fieldsToMetadata, titleAndAuthor, type Ao3Fields, type Field } from './ao3-fields.ts'
import { contentMarkdown, httpUrl, isoDate, report, textOf, textsOf } from './page.ts'
import { addScenes, toScenes } from './scenes.ts'

/** AO3's Download → HTML file: a `#preface` with the tags, `#chapters`, an `#afterword`. */
export function isAo3Download(tree: Root): boolean {
  return select('#preface dl.tags', tree) !== undefined && select('#chapters', tree) !== undefined
}

/**
 * An Archive of Our Own Download → HTML file (otwarchive's
 * `app/views/downloads/`): `#preface` holds the "Posted originally on …"
 * message with the work's address, `dl.tags` (`dt` labels, `dd` tags),
 * the title, byline, summary and notes, each note a `blockquote.userstuff`
 * after a `<p>` label; `#chapters` holds, per chapter, a `div.meta.group`
 * (`h2.heading`, chapter summary and notes), the `div.userstuff` text and a
 * `div.meta` of end notes; a work of one chapter has only its text there.
 * `#afterword` holds the work's end notes and the archive's request for
 * comments, which is not the author's.
 */
export function readAo3Download(tree: Root, file: VFile): ImportedBook {
  const preface = select('#preface', tree)!
  const fields = downloadFields(select('dl.tags', preface)!)
  const metadata = fieldsToMetadata(fields, file, true)
  const meta = select('.meta', preface)
  const titleElement = select('h1', meta ?? preface) ?? select('p.message b', preface)
  titleAndAuthor(metadata, file, titleElement, select('.byline', meta ?? preface))
  const title = textOf(titleElement)
  const link = selectAll('p.message a', preface).map((a) => httpUrl(a.properties.href)).find((href) => href !== undefined && /\/works\/\d+/.test(href))
  if (link) {
    metadata['source'] = link
    report(file, `source \`${link}\`, where the work was posted`, select('p.message', preface), 'import-source')
  }
  const front: ImportedPage[] = []
  const labelled = meta ? labelledNotes(meta) : []
  for (const { label, note } of labelled) {
    if (label === 'summary') {
      metadata['description'] = contentMarkdown(note)
      report(file, 'summary → description', note, 'import-description')
    } else if (label === 'notes') {
      front.push({ kind: 'notes', markdown: contentMarkdown(note) })
      report(file, 'work notes → front page `notes`', note, 'import-note')
    }
  }
  const back: ImportedPage[] = []
  const endNotes = select('#afterword #endnotes blockquote.userstuff', tree)
  if (endNotes && textOf(endNotes)) {
    back.push({ kind: 'end-notes', markdown: contentMarkdown(endNotes) })
    report(file, 'work end notes → back page `end-notes`', endNotes, 'import-note')
  }
  const chapters = readChapters(select('#chapters', tree)!, title, file)
  const counts = fields.chapters ? chapterCounts(fields.chapters.value) : undefined
  if (counts && counts.done !== chapters.length) report(file, `${chapters.length} chapters found, the work's stats say ${counts.done}`, fields.chapters!.node, 'import-chapter')
  return { metadata, front, chapters, back, images: [] }
}

function readChapters(container: Element, workTitle: string, file: VFile): ImportedChapter[] {
  const chapters: ImportedChapter[] = []
  let current: ImportedChapter | undefined
  const start = (title: string, node: Element): ImportedChapter => {
    current = { title, scenes: [] }
    chapters.push(current)
    report(file, `chapter ${chapters.length} \`${title}\``, node, 'import-chapter')
    return current
  }
  for (const child of container.children) {
    if (child.type !== 'element') continue
    const classes = (child.properties.className as string[] | undefined) ?? []
    if (classes.includes('meta') && !String(child.properties.id ?? '').startsWith('endnotes')) {
      const heading = select('h2.heading, h2', child)
      const chapter = start(textOf(heading) || `Chapter ${chapters.length + 1}`, heading ?? child)
      const heads = labelledNotes(child).filter(({ label }) => label.startsWith('chapter summary') || label.startsWith('chapter notes'))
      if (heads.length > 0) {
        chapter.headNote = heads.map(({ note }) => contentMarkdown(note)).join('\n')
        for (const { label, note } of heads) report(file, `chapter ${chapters.length} ${label.replace('chapter ', '')} → head note`, note, 'import-note')
      }
    } else if (classes.includes('userstuff')) {
      const chapter = current ?? start(workTitle || 'Chapter 1', child)
      addScenes(chapter, toScenes(child.children, file, `chapter ${chapters.length}`))
    } else if (classes.includes('meta') && current) {
      const end = labelledNotes(child).find(({ label }) => label.includes('end notes'))
      if (end) {
        current.endNote = contentMarkdown(end.note)
        report(file, `chapter ${chapters.length} end notes → end note`, end.note, 'import-note')
      }
    }
  }
  return chapters
}

/** Each `blockquote.userstuff` with the `<p>` label before it (`Summary`, `Notes`, `Chapter End Notes`), lower-cased. */
function labelledNotes(scope: Element): Array<{ label: string; note: Element }> {
  const found: Array<{ label: string; note: Element }> = []
  let label = ''
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'p') label = textOf(child).toLowerCase()
      else if (child.tagName === 'blockquote') {
        if (textOf(child)) found.push({ label, note: child })
      } else if (child.tagName === 'div' && !String(child.properties.className ?? '').includes('endnote-link')) walk(child)
    }
  }
  walk(scope)
  return found
}

/** `dl.tags`: each `dt` label names the `dd` after it; tags are its links, the stats its text. */
function downloadFields(list: Element): Ao3Fields {
  const fields: Ao3Fields = {}
  let label = ''
  for (const child of list.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'dt') {
      label = textOf(child)
      continue
    }
    if (child.tagName !== 'dd') continue
    const name = fieldName(label)
    if (label.toLowerCase().startsWith('stats')) Object.assign(fields, stats(child))
    else if (name === 'language' || name === 'series') fields[name] = { value: textOf(child), node: child }
    else if (name) {
      const tags = textsOf('a', child)
      ;(fields as Record<string, Field<string[]>>)[name] = { value: tags.length > 0 ? tags : textOf(child).split(/,\s*/).filter(Boolean), node: child }
    }
  }
  return fields
}

/** `Published: 2024-01-02 Updated: 2024-03-04 Words: 12,345 Chapters: 3/3`, read label by label. */
function stats(dd: Element): Ao3Fields {
  const words = textOf(dd).split(' ')
  const fields: Ao3Fields = {}
  for (let index = 0; index < words.length - 1; index++) {
    const label = words[index]!
    const value = words[index + 1]!
    if (label === 'Published:' && isoDate(value)) fields.published = { value: isoDate(value)!, node: dd }
    else if ((label === 'Updated:' || label === 'Completed:') && isoDate(value)) fields.status = { value: { label, date: isoDate(value)! }, node: dd }
    else if (label === 'Words:') fields.words = { value, node: dd }
    else if (label === 'Chapters:') fields.chapters = { value, node: dd }
  }
  return fields
}
