/**
 * Names a document gives its front and back pages (a heading, a nav title,
 * an `epub:type`), to the page kinds colophon's layout knows (`front/01-<kind>.md`).
 * `skip` kinds are the source's own apparatus, which colophon makes itself.
 */
const KINDS: Array<[RegExp, string]> = [
  [/^(?:disclaimer|disclaimers)$/i, 'disclaimer'],
  [/^(?:dedication|dedications)$/i, 'dedication'],
  [/^epigraphs?$/i, 'epigraph'],
  [/^foreword$/i, 'foreword'],
  [/^preface$/i, 'preface'],
  [/^introduction$/i, 'introduction'],
  [/^acknowledge?ments?$/i, 'acknowledgements'],
  [/^afterword$/i, 'afterword'],
  [/^about the authors?$/i, 'about-the-author'],
  [/^(?:authors?['’]?s?['’]? notes?|a\/n|notes?)$/i, 'notes'],
  [/^glossary$/i, 'glossary'],
]

const SKIP = /^(?:(?:table of )?contents|toc|title ?page|titlepage|cover|copyright(?: page)?|colophon|landmarks|imprint|half ?title)$/i

/** The page kind a title names, `skip` for apparatus, or undefined for a story text. */
export function pageKind(title: string): string | undefined {
  const bare = title.replace(/[:.\s]+$/, '').trim()
  if (SKIP.test(bare)) return 'skip'
  for (const [pattern, kind] of KINDS) if (pattern.test(bare)) return kind
  return undefined
}

/** An `epub:type` value to a page kind, as `pageKind` does for titles. */
export function pageKindOfType(types: string): string | undefined {
  for (const type of types.split(/\s+/)) {
    if (['toc', 'titlepage', 'cover', 'copyright-page', 'landmarks', 'halftitlepage', 'imprint', 'colophon'].includes(type)) return 'skip'
    if (['dedication', 'epigraph', 'foreword', 'preface', 'introduction', 'acknowledgments', 'afterword'].includes(type)) {
      return type === 'acknowledgments' ? 'acknowledgements' : type
    }
  }
  return undefined
}

/** Pages that belong after the story when they come after it. */
export const BACK_KINDS = new Set(['afterword', 'about-the-author', 'acknowledgements', 'notes', 'glossary'])

/** A short paragraph that dedicates the book: "For my sister…", "To A.", "Dedicated to …". */
export function isDedication(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.split(/\s+/).length <= 30 && /^(?:for|to|dedicated to|in memory of)\s/i.test(trimmed)
}

/** An epigraph's attribution line: `— Name`, `-- Name`, `~ Name`. */
export function isAttribution(text: string): boolean {
  return /^(?:—|–|--?|~)\s*\S/.test(text.trim()) && text.trim().split(/\s+/).length <= 15
}
