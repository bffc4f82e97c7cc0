import { SaxesParser, type SaxesAttributeNS } from 'saxes'
import type { Point } from 'unist'
import { cssProblems } from './css-check.ts'
import { animatedDanger, checkStyleElements, FORBIDDEN_ELEMENTS, hasScriptUrl, isHandler } from './markup-rules.ts'
import { pointAt } from '../text-point.ts'

/**
 * What the SVG checker found: an error (the drawing cannot go into the
 * book) or a warning (something was removed that changes nothing a reader
 * shows). See docs/decisions/0023-one-svg-checker.md.
 */
export interface SvgFinding {
  reason: string
  place: Point
  severity: 'error' | 'warning'
}

export interface CheckedSvg {
  findings: SvgFinding[]
  /** The text to package: the input, less what was removed with a warning. */
  text: string
}

const SVG_NS = 'http://www.w3.org/2000/svg'
const XLINK_NS = 'http://www.w3.org/1999/xlink'
/** A DOCTYPE with only an external identifier, after the XML declaration, comments and white space. */
const EXTERNAL_DOCTYPE = /^(\uFEFF?(?:\s+|<\?xml\s[^?]*\?>|<!--[\s\S]*?-->)*)<!DOCTYPE\s+svg\s+(?:PUBLIC\s+("[^"]*"|'[^']*')\s+|SYSTEM\s+)("[^"]*"|'[^']*')\s*>/

/**
 * The one checker of SVG that goes into a book: a manuscript's images and
 * its templates' SVG (`scene-break.svg`). Read with a real XML parser
 * (saxes), it refuses, each at its line and column:
 * - markup that is not well-formed, a root that is not SVG's `<svg>`;
 * - script and documents within: `<script>`, `<foreignObject>`, `<iframe>` …;
 * - event handlers (`onload=""`, any `on…` attribute), and SMIL animation
 *   (`<set>`, `<animate>` …) of an `on…`, `href` or `style` attribute, which
 *   would add one later;
 * - `javascript:` anywhere in an attribute;
 * - references outside the drawing: `href`/`xlink:href` other than
 *   `#fragment`, CSS `@import` and `url()` other than `#fragment` in
 *   `<style>`, `style=""` or a presentation attribute (`fill="url(…)"`),
 *   `<?xml-stylesheet?>`, a DOCTYPE with an internal subset.
 * A DOCTYPE with only an external identifier (the one Inkscape and
 * Illustrator write) names a DTD no reader needs: it is removed with a
 * warning, the rest of the text kept byte for byte.
 */
export function checkSvg(text: string): CheckedSvg {
  const findings: SvgFinding[] = []
  const error = (reason: string, place: Point): void => void findings.push({ reason, place, severity: 'error' })
  const parser = new SaxesParser({ xmlns: true, position: true })
  const here = (): Point => ({ line: parser.line, column: Math.max(1, parser.column), offset: parser.position })
  let tagStart: Point = { line: 1, column: 1 }
  let root: string | undefined
  let malformed = false
  const styleOpened = checkStyleElements(parser, error)

  parser.on('error', (problem) => {
    if (!malformed) error(`Unexpected malformed XML (${problem.message.replace(/^\d+:\d+: /, '')}), expected a well-formed SVG file`, here())
    malformed = true
  })
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) error('Unexpected DOCTYPE with an internal subset, expected none (entities and declarations have no place in a drawing)', here())
    else if (!EXTERNAL_DOCTYPE.test(text)) error('Unexpected DOCTYPE, expected none, or one with only an external identifier before the `<svg>` element', here())
  })
  parser.on('processinginstruction', (instruction) => {
    if (instruction.target.toLowerCase() === 'xml-stylesheet') {
      error(`Unexpected \`<?xml-stylesheet ${instruction.body}?>\`, expected the drawing's styles in itself (nothing outside the book is loaded)`, here())
    }
  })
  parser.on('opentagstart', (tag) => {
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag) => {
    root ??= `${tag.uri} ${tag.local}`
    const at = tagStart
    if (FORBIDDEN_ELEMENTS.has(tag.local)) error(`Unexpected \`<${tag.name}>\`, expected a plain drawing (no script, no document within it)`, at)
    const attributes = Object.values(tag.attributes) as SaxesAttributeNS[]
    for (const attribute of attributes) checkAttribute(attribute, at, error)
    const animated = animatedDanger(tag.local, (tag.attributes.attributeName as SaxesAttributeNS | undefined)?.value)
    if (animated !== undefined) {
      error(`Unexpected \`<${tag.name}>\` of \`${animated}\`, expected animation of presentation attributes only (an animated \`${animated}\` can add a script or a reference)`, at)
    }
    styleOpened(tag)
  })
  try {
    parser.write(text).close()
  } catch {
    // saxes throws after the error handler has run when it cannot go on: reported above.
  }
  if (!malformed && root !== `${SVG_NS} svg`) error('Unexpected root element, expected `<svg>` in the SVG namespace (`xmlns="http://www.w3.org/2000/svg"`)', { line: 1, column: 1 })
  const errors = findings.some((finding) => finding.severity === 'error')
  const doctype = EXTERNAL_DOCTYPE.exec(text)
  if (errors || !doctype) return { findings, text }
  const before = doctype[1] as string
  findings.push({
    reason: 'Unexpected DOCTYPE naming an external DTD, removed; expected none (no reader needs it, and none may fetch it)',
    place: pointAt(text, before.length),
    severity: 'warning',
  })
  return { findings, text: before + text.slice(doctype[0].length).replace(/^\r?\n/, '') }
}

type Report = (reason: string, place: Point) => void

function checkAttribute(attribute: SaxesAttributeNS, at: Point, error: Report): void {
  const { local, name, value } = attribute
  if (isHandler(local)) {
    error(`Unexpected event handler \`${name}\`, expected a plain drawing (no script)`, at)
    return
  }
  if (hasScriptUrl(value)) {
    error(`Unexpected \`javascript:\` in \`${name}\`, expected a plain drawing (no script)`, at)
    return
  }
  if (local === 'href' && (attribute.uri === XLINK_NS || attribute.uri === '' || attribute.uri === undefined)) {
    if (!value.trim().startsWith('#')) error(`Unexpected reference \`${name}="${value}"\`, expected only a \`#fragment\` of the drawing itself (nothing outside it is loaded)`, at)
    return
  }
  // `style=""` and presentation attributes (`fill="url(…)"`) are CSS values.
  if (local === 'style' || /url\s*\(|\\/i.test(value)) {
    const css = local === 'style' ? `x{${value}}` : `x{${local}:${value}}`
    for (const problem of cssProblems(css)) error(`${problem.reason} (in \`${name}\`)`, at)
  }
}

/** The point `offset` characters into `css`, whose first character is at `start`. */

