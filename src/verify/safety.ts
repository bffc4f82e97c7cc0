import { posix } from 'node:path'
import { SaxesParser, type SaxesAttributeNS } from 'saxes'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { cssProblems, type Packaged } from '../load/css-check.ts'
import { animatedDanger, ANIMATIONS, checkStyleElements, FORBIDDEN_ELEMENTS, hasScriptUrl, isHandler, isHttpEquiv, RESOURCE_ATTRIBUTES, resourceProblem, SCHEME_OR_HOST } from '../load/markup-rules.ts'
import { checkSvg } from '../load/svg-check.ts'
import type { BookEntry } from './references.ts'
import { pointAt } from '../text-point.ts'

/** One thing in a built page that could script the reader or fetch from outside the book. */
export interface Finding {
  reason: string
  line: number
  column: number
}

/**
 * At the output, a relative URL is a file of the book (references.ts checks
 * that the manifest has it); what has a scheme or a host is not.
 */
const IN_BOOK: Packaged = { has: (url) => !SCHEME_OR_HOST.test(url) }
/** CSS can reach nothing without one of these: `url(`, `@import`, an escape, the two script properties. */
const CSS_MAY_REACH = /[\\(@]|behavior|binding/i
/** Forbidden element names in any letter case: a reader that reads a page as HTML would run `<SCRIPT>`. */
const FORBIDDEN_ANY_CASE = new Set([...FORBIDDEN_ELEMENTS].map((name) => name.toLowerCase()))

/** A namespace prefix (`x:`), as a pattern: anything a name can hold up to the colon. */
const PREFIX = `(?:[^\\s<>=/:"']+:)?`
/** A script URL with any control characters or spaces between its letters, as `hasScriptUrl` reads it. */
const spaced = (word: string): string => [...word].join('[\\u0000-\\u0020]*')
/**
 * What a tag must hold for any rule to find something in it, in any letter
 * case: a forbidden, `<style>` or animation element; an `on…`, `style`,
 * `srcset` or `attributeName` attribute; `http-equiv`; a script URL; a
 * character reference (which can spell any of these in a value); a
 * resource attribute whose value starts with a scheme, `//` or an entity.
 */
const TAG_MAY_BE_UNSAFE = new RegExp(
  [
    `^<${PREFIX}(?:${[...FORBIDDEN_ANY_CASE, ...[...ANIMATIONS].map((name) => name.toLowerCase()), 'style'].join('|')})[\\s/>]`,
    `\\s${PREFIX}(?:on[^\\s=]*|style|srcset|attributeName)\\s*=`,
    'http-equiv',
    spaced('javascript:'),
    spaced('vbscript:'),
    '&#',
    `\\s${PREFIX}(?:${[...RESOURCE_ATTRIBUTES].join('|')})\\s*=\\s*["'][\\u0000-\\u0020]*(?:[a-z][a-z0-9+.-]*:|//|&)`,
  ].join('|'),
  'i',
)

/**
 * Whether any rule could find something in a page: a start tag that
 * `TAG_MAY_BE_UNSAFE` matches, a processing instruction other than the XML
 * declaration, a DOCTYPE other than `<!DOCTYPE html>`, or markup this reading
 * cannot follow. Only the tags are read (text holds `<` only as `&lt;`, and
 * what it says is no markup; comments and CDATA sections are skipped to
 * their ends); a page this finds nothing in is safe without being parsed,
 * and any other is parsed and the rules decide. Parsing every page with
 * saxes took 85 ms on the 100k-word bench book, this a few
 * (docs/decisions/0037-check-the-built-pages.md).
 */
export function mayBeUnsafe(xml: string): boolean {
  for (let at = xml.indexOf('<'); at !== -1; ) {
    const next = xml.charCodeAt(at + 1)
    let end: number
    if (next === 0x21 /* ! */) {
      const close = xml.startsWith('<!--', at) ? '-->' : xml.startsWith('<![CDATA[', at) ? ']]>' : undefined
      if (close === undefined && !/^<!DOCTYPE\s+html\s*>/i.test(xml.slice(at, at + 40))) return true
      end = close === undefined ? at + 1 : xml.indexOf(close, at + 4)
      if (end < 0) return true
    } else if (next === 0x3f /* ? */) {
      if (!/^<\?xml\s/.test(xml.slice(at, at + 6))) return true
      end = at + 1
    } else if (next === 0x2f /* / */) {
      end = at + 2
    } else {
      // A start tag, to its `>` outside quoted values (where `>` may stand).
      let quote = 0
      for (end = at + 1; end < xml.length; end++) {
        const code = xml.charCodeAt(end)
        if (quote !== 0) {
          if (code === quote) quote = 0
        } else if (code === 0x22 || code === 0x27) quote = code
        else if (code === 0x3e) break
      }
      if (TAG_MAY_BE_UNSAFE.test(xml.slice(at, end + 1))) return true
    }
    at = xml.indexOf('<', end)
  }
  return false
}

/**
 * The last line of defence for issue 20's rule that nothing a manuscript
 * holds may script the reader or load a resource from outside the book:
 * every page (XHTML), drawing (SVG) and style sheet (CSS) of a built EPUB,
 * checked with the rules the load stage applies to a manuscript's own
 * templates (load/markup-rules.ts, svg-check.ts, css-check.ts). A template
 * is checked at load with its `{{tags}}` read as text, and Mustache can put
 * markup together that this reading never sees (`<s{{x}}cript>`, a comment
 * opened only when a section is filled); here the page is read as the reader
 * will read it. Returns a fatal message at each finding, naming the own
 * template that made the page when there is one (`templateOf`).
 */
export function verifySafety(
  entries: readonly BookEntry[],
  bookName = 'book.epub',
  templateOf: (path: string) => string | undefined = () => undefined,
): VFileMessage[] {
  const problems: VFileMessage[] = []
  const decoder = new TextDecoder()
  for (const entry of entries) {
    const kind = /\.(x?html|svg|css)$/.exec(entry.path)?.[1]
    if (!kind) continue
    const text = typeof entry.data === 'string' ? entry.data : decoder.decode(entry.data)
    const findings = kind === 'css' ? cssFindings(text) : kind === 'svg' ? svgFindings(text) : pageFindings(text)
    if (findings.length === 0) continue
    const template = templateOf(entry.path)
    const cause = template ? `; this file comes from the book's own template \`${template}\`, whose Mustache tags build what the check of templates at load cannot see: fix the template` : ''
    for (const finding of findings) {
      const message = new VFile({ path: `${bookName}/${entry.path}` }).message(`${finding.reason}${cause}`, {
        place: { line: finding.line, column: finding.column },
        ruleId: 'unsafe-content',
        source: 'colophon-verify',
      })
      message.fatal = true
      problems.push(message)
    }
  }
  return problems
}

/** The template (`templates/chapter.xhtml`) that made the EPUB's file at `path`, when it is one of the book's own (`own`: their names). */
export function ownTemplateOf(own: ReadonlySet<string>): (path: string) => string | undefined {
  return (path) => {
    const template = templateMaking(posix.basename(path))
    // colophon's own templates include no partials: a page made by one owes nothing to the book's.
    return template && own.has(template) ? `templates/${template}` : undefined
  }
}

/** The template colophon fills to make a file of this name (render/index.ts, package/index.ts). */
function templateMaking(name: string): string | undefined {
  if (name === 'book.css' || name === 'scene-break.svg') return name
  if (!name.endsWith('.xhtml')) return undefined
  const stem = name.slice(0, -'.xhtml'.length)
  if (/^chapter-\d+$/.test(stem)) return 'chapter.xhtml'
  if (stem === 'content-warnings') return 'warnings.xhtml'
  if (['cover', 'titlepage', 'colophon', 'nav'].includes(stem)) return name
  // Front and back matter pages are named after their files.
  return 'matter.xhtml'
}

function cssFindings(css: string): Finding[] {
  return cssProblems(css, IN_BOOK).map((problem) => ({ reason: problem.reason, ...pointAt(css, problem.offset) }))
}

function svgFindings(text: string): Finding[] {
  return checkSvg(text)
    .findings.filter((finding) => finding.severity === 'error' && !finding.reason.startsWith('Unexpected malformed XML'))
    .map((finding) => ({ reason: finding.reason, line: finding.place.line, column: finding.place.column }))
}

function pageFindings(xml: string): Finding[] {
  return mayBeUnsafe(xml) ? unsafeMarkup(xml) : []
}

/** What the rules find in a page read as a reader reads it (saxes, with namespaces); well-formedness is verify's other check. */
export function unsafeMarkup(xml: string): Finding[] {
  const findings: Finding[] = []
  const parser = new SaxesParser({ xmlns: true, position: true })
  let at = { line: 1, column: 1 }
  const error = (reason: string, place: { line: number; column: number }): void => void findings.push({ reason, ...place })
  const styleOpened = checkStyleElements(parser, error, { packaged: IN_BOOK, mayReach: CSS_MAY_REACH })
  parser.on('error', () => undefined)
  parser.on('processinginstruction', (instruction) => {
    if (instruction.target.toLowerCase() === 'xml-stylesheet') error('Unexpected `<?xml-stylesheet?>`, expected no style sheet but the book\'s own', { line: parser.line, column: parser.column })
  })
  parser.on('doctype', (doctype) => {
    if (/\b(?:SYSTEM|PUBLIC)\b|\[/.test(doctype)) error('Unexpected DOCTYPE with an identifier or internal subset, expected `<!DOCTYPE html>`', { line: parser.line, column: parser.column })
  })
  parser.on('opentagstart', (tag) => {
    at = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag) => {
    // In any namespace and letter case: `<x:script xmlns:x="…">` is a script to a reader that knows that namespace.
    if (FORBIDDEN_ANY_CASE.has(tag.local.toLowerCase())) error(`Unexpected \`<${tag.name}>\`, expected no script, embedded document or form in a page of a book`, at)
    const attributes = Object.values(tag.attributes) as SaxesAttributeNS[]
    if (tag.local === 'meta' && isHttpEquiv(attributes.map((attribute) => attribute.local))) error('Unexpected `<meta http-equiv>`, expected no refresh or other HTTP header in a page of a book', at)
    const animated = animatedDanger(tag.local, (tag.attributes.attributeName as SaxesAttributeNS | undefined)?.value)
    if (animated !== undefined) error(`Unexpected \`<${tag.name}>\` of \`${animated}\`, expected animation of presentation attributes only`, at)
    for (const { local, name, value } of attributes) {
      if (isHandler(local)) error(`Unexpected event handler \`${name}\`, expected no script in a page of a book`, at)
      // Only where a reader follows or loads the value: `alt`, `title` and `aria-label` carry the author's words, which may name one.
      else if (RESOURCE_ATTRIBUTES.has(local.toLowerCase()) && hasScriptUrl(value)) error(`Unexpected script URL in \`${name}\`, expected no script in a page of a book`, at)
      else if (local === 'style') {
        if (CSS_MAY_REACH.test(value)) for (const problem of cssProblems(`x{${value}}`, IN_BOOK)) error(`${problem.reason} (in \`${name}\`)`, at)
      } else {
        const what = resourceProblem(tag.local, local, value, IN_BOOK)
        if (what) error(`Unexpected \`${name}="${value.length > 80 ? `${value.slice(0, 77)}…` : value}"\`, ${what}, expected a file of the book or a \`#fragment\``, at)
      }
    }
    styleOpened(tag)
  })
  try {
    parser.write(xml).close()
  } catch {
    // Not well-formed: the well-formedness check names it.
  }
  return findings
}

