// The rules for markup that goes into a book, shared by the check of a
// manuscript's own templates at load (template-check.ts, svg-check.ts) and
// the check of every page a build wrote (verify/safety.ts): one set of
// rules, so the two cannot drift apart (docs/decisions/0037-check-the-built-pages.md).

import type { SaxesParser, SaxesTagNS } from 'saxes'
import type { Point } from 'unist'
import { cssProblems, type Packaged } from './css-check.ts'
import { pointWithin } from '../text-point.ts'

/** Elements that run script, embed documents or take input: nothing a page of a book needs. */
export const FORBIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input', 'button',
  'textarea', 'select', 'base', 'audio', 'video', 'source', 'track', 'foreignObject', 'handler', 'listener',
])
/**
 * Attributes whose value a reader loads as a resource, or sends a request
 * to (`ping`), or resolves the page's other URLs against (`xml:base`).
 */
export const RESOURCE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'src', 'srcset', 'poster', 'data', 'background', 'href', 'codebase', 'action', 'formaction', 'manifest', 'icon',
  'ping', 'longdesc', 'lowsrc', 'dynsrc', 'archive', 'classid', 'base',
])
/** Where `href` is a link to follow, not a resource to load. */
export const LINK_ELEMENTS: ReadonlySet<string> = new Set(['a', 'area'])
/** The schemes a link may have: the prose's (render/html-schema.ts). */
export const LINK_SCHEMES = /^(?:https?|mailto):/i
/** SMIL elements, which set another attribute (`attributeName`) over time. */
export const ANIMATIONS: ReadonlySet<string> = new Set(['set', 'animate', 'animateTransform', 'animateMotion', 'animateColor', 'discard'])
/** A URL with a scheme or a host: not a file of the book. */
export const SCHEME_OR_HOST = /^[a-z][a-z0-9+.-]*:|^\/\//i

/** An event handler attribute (`onload`, `ONCLICK`), by its local name. */
export function isHandler(local: string): boolean {
  return /^on/i.test(local)
}

/** A value that holds a script URL, however spaced or controlled (`java\tscript:`). */
export function hasScriptUrl(value: string): boolean {
  return /javascript:|vbscript:/i.test(value.replace(/[\u0000-\u0020]+/g, ''))
}

/** Whether `<meta>` with these attribute local names sets an HTTP header (a refresh to elsewhere). */
export function isHttpEquiv(locals: readonly string[]): boolean {
  return locals.some((local) => local.toLowerCase() === 'http-equiv')
}

/** SMIL animation of an attribute that could add a script or a reference later (`on…`, `href`, `style`): its name, else undefined. */
export function animatedDanger(element: string, attributeName: string | undefined): string | undefined {
  if (!ANIMATIONS.has(element)) return undefined
  const name = attributeName?.trim() ?? ''
  const local = name.slice(name.indexOf(':') + 1).toLowerCase()
  return isHandler(local) || local === 'href' || local === 'style' ? name : undefined
}

/**
 * What is wrong with a resource attribute's URL on `element`, or undefined:
 * a link (`<a href>`) may go to the web; anything else loaded must be a
 * file of the book (`packaged`) or a `#fragment`.
 */
export function resourceProblem(element: string, local: string, url: string, packaged: { has(url: string): boolean }): string | undefined {
  if (!RESOURCE_ATTRIBUTES.has(local.toLowerCase())) return undefined
  // `srcset` holds a list: `a.png 1x, b.png 2x`; each candidate's URL is one.
  if (local.toLowerCase() === 'srcset') {
    for (const candidate of url.split(',')) {
      const problem = resourceProblem(element, 'src', candidate.trim().split(/\s+/)[0] ?? '', packaged)
      if (problem) return problem
    }
    return undefined
  }
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('#') || packaged.has(trimmed)) return undefined
  if (local === 'href' && LINK_ELEMENTS.has(element) && LINK_SCHEMES.test(trimmed)) return undefined
  return /^data:/i.test(trimmed) ? 'a `data:` URL' : SCHEME_OR_HOST.test(trimmed) ? 'a remote resource' : 'a file the book does not package'
}

/**
 * Check the CSS of every `<style>` element `parser` reads: its text and
 * CDATA are gathered until it closes, then checked with `cssProblems`, each
 * problem reported at its place in the document. saxes keeps one handler
 * per event, so this takes the parser's `text`, `cdata` and `closetag`
 * events, and gives the function the caller's `opentag` handler passes
 * each tag to. `mayReach`: a test CSS must pass to be worth checking at
 * all (a shortcut for speed); without it, every style is checked.
 */
export function checkStyleElements(
  parser: SaxesParser<{ xmlns: true; position: true }>,
  error: (reason: string, place: Point) => void,
  options: { packaged?: Packaged; mayReach?: RegExp } = {},
): (tag: SaxesTagNS) => void {
  let style: { start: Point; css: string } | undefined
  const addText = (value: string): void => {
    if (style) style.css += value
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', (tag) => {
    if (tag.local !== 'style' || !style) return
    const { start, css } = style
    style = undefined
    if (options.mayReach && !options.mayReach.test(css)) return
    for (const problem of cssProblems(css, options.packaged)) error(problem.reason, pointWithin(start, css, problem.offset))
  })
  return (tag) => {
    // The CSS starts right after the tag's `>`, where the parser stands.
    if (tag.local === 'style') style = { start: { line: parser.line, column: parser.column + 1 }, css: '' }
  }
}
