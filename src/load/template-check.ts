import Mustache from 'mustache'
import { SaxesParser, type SaxesAttributeNS } from 'saxes'
import type { Point } from 'unist'
import { cssProblems } from './css-check.ts'
import { checkStyleElements, FORBIDDEN_ELEMENTS, hasScriptUrl, isHandler, isHttpEquiv, resourceProblem, SCHEME_OR_HOST } from './markup-rules.ts'
import { checkSvg } from './svg-check.ts'
import { pointAt } from '../text-point.ts'

/** What checking a book's own template found, at its place in the template. */
export interface TemplateFinding {
  reason: string
  place?: Point
  severity: 'error' | 'warning'
}

/** Resources every book packages, as a page or the style sheet refers to them. */
const BUILT = new Set(['../css/book.css', '../images/scene-break.svg', 'css/book.css', 'images/scene-break.svg'])
/**
 * Those, and a path with no scheme or host: a font or image of the
 * manuscript's own, which template-assets.ts packages (or refuses at this
 * place when it is missing, outside the manuscript, or not a font or image).
 */
const PACKAGED = { has: (url: string): boolean => BUILT.has(url) || (url !== '' && !SCHEME_OR_HOST.test(url)) }
/** What `{{value}}` tags are replaced by while the template is read as XML: a letter XML allows in names and text. */
const FILLED = 'ǂ'
const XHTML_NS = 'http://www.w3.org/1999/xhtml'
const SVG_NS = 'http://www.w3.org/2000/svg'
/**
 * Check one of a manuscript's own templates (`templates/…`) as its prose is
 * checked: the Mustache must parse, partials must not include themselves,
 * the XML must be well-formed (with `{{tags}}` read as the text they
 * stand for), and nothing may script the reader or load a resource from
 * outside the book. Every finding is an error at its line and column, but
 * a DOCTYPE naming an external DTD in an SVG, removed with a warning:
 * a template is the author's code, and code silently changed would hide
 * the mistake (docs/decisions/0023-one-svg-checker.md).
 */
export function checkTemplate(name: string, text: string): { findings: TemplateFinding[]; text: string } {
  if (name.endsWith('.svg')) {
    const checked = checkSvg(text)
    return { findings: checked.findings, text: checked.text }
  }
  if (name.endsWith('.css')) {
    return { findings: cssProblems(text, PACKAGED).map((problem) => ({ reason: problem.reason, place: pointAt(text, problem.offset), severity: 'error' })), text }
  }
  const findings: TemplateFinding[] = []
  let tokens: Mustache.TemplateSpans
  try {
    tokens = Mustache.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /at (\d+)$/.exec(message)
    findings.push({ reason: `Unexpected Mustache (${message.replace(/ at \d+$/, '')}), expected sections closed in the order they open`, place: at ? pointAt(text, Number(at[1])) : undefined, severity: 'error' })
    return { findings, text }
  }
  for (const unescaped of unescapedTags(tokens)) {
    if (MARKUP_FIELDS.has(unescaped.name)) continue
    findings.push({
      reason: `Unexpected unescaped \`${text.slice(unescaped.start, unescaped.end)}\`, expected \`{{${unescaped.name}}}\`: only ${[...MARKUP_FIELDS].map((field) => `\`{{{${field}}}}\``).join(' and ')} hold markup (sanitised), and any other value unescaped could add an attribute or element to the page`,
      place: pointAt(text, unescaped.start),
      severity: 'error',
    })
  }
  if (/\.(?:xhtml|html|opf|ncx|xml)$/.test(name)) checkXml(asXml(text, tokens), findings)
  return { findings, text }
}

/** The values that are XHTML colophon made and sanitised: the only ones a template may insert unescaped. */
const MARKUP_FIELDS = new Set(['body', 'notes'])

/** Every `{{{name}}}` and `{{&name}}` tag, sections included. */
function unescapedTags(tokens: Mustache.TemplateSpans): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = []
  const visit = (list: Mustache.TemplateSpans): void => {
    for (const token of list) {
      if (token[0] === '&') found.push({ name: String(token[1]), start: Number(token[2]), end: Number(token[3]) })
      const children = token[4] as unknown
      if (Array.isArray(children)) visit(children as Mustache.TemplateSpans)
    }
  }
  visit(tokens)
  return found
}

/**
 * The template as the XML it makes: each `{{section}}` tag as spaces, each
 * `{{value}}` as letters, the same length, so lines and columns stay.
 */
function asXml(text: string, tokens: Mustache.TemplateSpans): string {
  let out = ''
  let last = 0
  const visit = (list: Mustache.TemplateSpans): void => {
    for (const token of list) {
      const [type, , start, end] = token as [string, string, number, number, Mustache.TemplateSpans?, number?]
      if (type === 'text') continue
      if (start >= last) {
        out += text.slice(last, start) + (type === 'name' || type === '&' ? FILLED.repeat(end - start) : text.slice(start, end).replace(/[^\n]/g, ' '))
        last = end
      }
      const children = token[4] as Mustache.TemplateSpans | undefined
      if (Array.isArray(children)) visit(children)
      const closeEnd = token[5] as number | undefined
      if ((type === '#' || type === '^') && typeof closeEnd === 'number') {
        // The closing tag `{{/name}}` ends at the section's closing index; it starts where `{{/` does.
        const closeStart = text.lastIndexOf('{{', closeEnd)
        if (closeStart >= last) {
          out += text.slice(last, closeStart) + ' '.repeat(Math.max(0, text.indexOf('}}', closeStart) + 2 - closeStart))
          last = text.indexOf('}}', closeStart) + 2
        }
      }
    }
  }
  visit(tokens)
  return out + text.slice(last)
}

function checkXml(xml: string, findings: TemplateFinding[]): void {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let tagStart: Point = { line: 1, column: 1 }
  const error = (reason: string, place: Point): void => void findings.push({ reason, place, severity: 'error' })
  const styleOpened = checkStyleElements(parser, error, { packaged: PACKAGED })
  let malformed = false
  parser.on('error', (problem) => {
    if (!malformed) error(`Unexpected malformed XML (${problem.message.replace(/^\d+:\d+: /, '')}), expected a well-formed template`, { line: parser.line, column: Math.max(1, parser.column) })
    malformed = true
  })
  parser.on('processinginstruction', (instruction) => {
    if (instruction.target.toLowerCase() === 'xml-stylesheet') error(`Unexpected \`<?xml-stylesheet?>\`, expected the book's style sheet only (templates/book.css)`, { line: parser.line, column: parser.column })
  })
  parser.on('doctype', (doctype) => {
    if (/\b(?:SYSTEM|PUBLIC)\b|\[/.test(doctype)) error('Unexpected DOCTYPE with an identifier or internal subset, expected `<!DOCTYPE html>`', { line: parser.line, column: parser.column })
  })
  parser.on('opentagstart', (tag) => {
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag) => {
    const at = tagStart
    if (FORBIDDEN_ELEMENTS.has(tag.local) && (tag.uri === XHTML_NS || tag.uri === SVG_NS || !tag.uri)) error(`Unexpected \`<${tag.name}>\`, expected no script, embedded document or form in a page of a book`, at)
    if (tag.local === 'meta' && isHttpEquiv(Object.values(tag.attributes).map((attribute) => (attribute as SaxesAttributeNS).local))) {
      error('Unexpected `<meta http-equiv>`, expected no refresh or other HTTP header in a page of a book', at)
    }
    for (const attribute of Object.values(tag.attributes) as SaxesAttributeNS[]) checkAttribute(tag.local, attribute, at, error)
    styleOpened(tag)
  })
  try {
    parser.write(xml).close()
  } catch {
    // Reported by the error handler.
  }
}

function checkAttribute(element: string, attribute: SaxesAttributeNS, at: Point, error: (reason: string, place: Point) => void): void {
  const { local, name, value } = attribute
  if (isHandler(local)) return error(`Unexpected event handler \`${name}\`, expected no script in a page of a book`, at)
  if (hasScriptUrl(value)) return error(`Unexpected script URL in \`${name}\`, expected no script in a page of a book`, at)
  if (local === 'style') {
    for (const problem of cssProblems(`x{${value.replaceAll(FILLED, '0')}}`, PACKAGED)) error(`${problem.reason} (in \`${name}\`)`, at)
    return
  }
  // A value that begins with `{{…}}` is filled by colophon with a path it packages.
  if (value.trim().startsWith(FILLED)) return
  const what = resourceProblem(element, local, value, PACKAGED)
  if (what) error(`Unexpected \`${name}="${value.replaceAll(FILLED, '…')}"\`, ${what}, expected a resource colophon packages (\`{{…}}\` values, ../css/book.css, ../images/scene-break.svg) or a \`#fragment\``, at)
}

/**
 * Templates that include themselves as a partial, directly or through
 * others (`{{> page}}` in page.xhtml): Mustache would recurse until the
 * stack overflows. Each cycle is named once, at the template where it is
 * first entered, in the order the templates are listed.
 */
export function partialCycles(templates: ReadonlyMap<string, string>): Array<{ name: string; cycle: string[]; place?: Point }> {
  const partials = new Map<string, Array<{ name: string; offset: number }>>()
  for (const [name, text] of templates) {
    const found: Array<{ name: string; offset: number }> = []
    try {
      collectPartials(Mustache.parse(text), found)
    } catch {
      // A template Mustache cannot parse is reported by checkTemplate (or fails when filled).
    }
    partials.set(name, found)
  }
  const cycles: Array<{ name: string; cycle: string[]; place?: Point }> = []
  const done = new Set<string>()
  for (const start of templates.keys()) {
    if (done.has(start)) continue
    // Depth-first, without recursion: a long chain of partials must not overflow the stack either.
    const path: string[] = [start]
    const next: number[] = [0]
    const onPath = new Set([start])
    while (path.length > 0) {
      const current = path[path.length - 1] as string
      const list = partials.get(current) ?? []
      const index = next[next.length - 1] as number
      if (index >= list.length) {
        done.add(current)
        onPath.delete(current)
        path.pop()
        next.pop()
        continue
      }
      next[next.length - 1] = index + 1
      const partial = list[index] as { name: string; offset: number }
      if (onPath.has(partial.name)) {
        const cycle = [...path.slice(path.indexOf(partial.name)), partial.name]
        cycles.push({ name: current, cycle, place: pointAt(templates.get(current) ?? '', partial.offset) })
        continue
      }
      if (done.has(partial.name) || !templates.has(partial.name)) continue
      path.push(partial.name)
      next.push(0)
      onPath.add(partial.name)
    }
  }
  return cycles
}

function collectPartials(tokens: Mustache.TemplateSpans, found: Array<{ name: string; offset: number }>): void {
  for (const token of tokens) {
    if (token[0] === '>') found.push({ name: String(token[1]), offset: Number(token[2]) })
    const children = token[4] as unknown
    if (Array.isArray(children)) collectPartials(children as Mustache.TemplateSpans, found)
  }
}


