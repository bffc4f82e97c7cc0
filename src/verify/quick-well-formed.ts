/**
 * A quick, conservative test of XML well-formedness, for the pages a build
 * writes. `true` means the document is well-formed, as saxes (with
 * namespaces) would find it; `false` means only that this test is not sure:
 * the document may be broken, or use XML this test does not read
 * (CDATA sections, processing instructions, an internal DTD subset, names
 * outside ASCII, entities other than the five predefined ones, XML 1.1).
 * Then saxes decides, and names the problem (`wellFormedError`).
 *
 * The test reads tags with regular expressions, which V8 compiles to
 * machine code, and the text between them with `indexOf`; saxes reads each
 * character in JavaScript. (docs/decisions/0012-quick-well-formedness-test.md)
 */
import { hasForbiddenXmlChars } from '../load/xml-chars.ts'

/** `&` that does not start one of the five predefined entities or a character reference. */
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/
const CHARACTER_REFERENCE = /&#(x?)([0-9a-fA-F]+);/g

const S = '[ \\t\\r\\n]'
const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?'
const DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(["'])1\\.0\\1(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][\\w.-]*\\2)?(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
  'y',
)
/** A public identifier holds only these (XML's PubidChar, less `'` in a `'…'` one). */
const PUBLIC_ID = `(?:"[-'()+,./:=?;!*#@$%\\w \\r\\n]*"|'[-()+,./:=?;!*#@$%\\w \\r\\n]*')`
const DOCTYPE = new RegExp(`<!DOCTYPE${S}+${NAME}(?:${S}+(?:PUBLIC${S}+${PUBLIC_ID}${S}+|SYSTEM${S}+)(?:"[^"<>]*"|'[^'<>]*'))?${S}*>`, 'y')
// Without groups: `test` then builds no match (a tag's parts are found from where its name ends).
const START_TAG = new RegExp(`<${NAME}(?:${S}+${NAME}${S}*=${S}*(?:"[^<"]*"|'[^<']*'))*${S}*/?>`, 'y')
const END_TAG = new RegExp(`</${NAME}${S}*>`, 'y')
const ATTRIBUTE = new RegExp(`(${NAME})${S}*=${S}*(?:"([^<"]*)"|'([^<']*)')`, 'g')
const SPACE_ONLY = /^[ \t\r\n]*$/

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'

/** The prefixes bound where an element is (the default namespace needs no check). */
type Scope = ReadonlySet<string>

export function quickWellFormed(xml: string): boolean {
  if (hasForbiddenXmlChars(xml) || BAD_REFERENCE.test(xml) || xml.includes(']]>')) return false
  if (xml.includes('&#') && !characterReferencesAllowed(xml)) return false

  const names: string[] = []
  const scopes: Scope[] = []
  let scope: Scope = new Set()
  let at = 0
  let rootSeen = false
  let doctypeSeen = false
  if (xml.startsWith('<?xml')) {
    DECLARATION.lastIndex = 0
    if (!DECLARATION.test(xml)) return false
    at = DECLARATION.lastIndex
  }
  while (at < xml.length) {
    const open = xml.indexOf('<', at)
    const textEnd = open < 0 ? xml.length : open
    // Outside the root element only white space may stand between the markup.
    if (names.length === 0 && textEnd > at && !SPACE_ONLY.test(xml.slice(at, textEnd))) return false
    if (open < 0) break
    const next = xml.charCodeAt(open + 1)
    if (next === 0x2f /* / */) {
      END_TAG.lastIndex = open
      if (!END_TAG.test(xml) || names.pop() !== xml.slice(open + 2, nameEnd(xml, open + 2))) return false
      scope = scopes.pop() as Scope
      at = END_TAG.lastIndex
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', open)) {
        const close = xml.indexOf('-->', open + 4)
        if (close < 0) return false
        const body = xml.slice(open + 4, close)
        if (body.includes('--') || body.endsWith('-')) return false
        at = close + 3
      } else {
        if (rootSeen || doctypeSeen) return false
        DOCTYPE.lastIndex = open
        if (!DOCTYPE.test(xml)) return false
        doctypeSeen = true
        at = DOCTYPE.lastIndex
      }
    } else {
      START_TAG.lastIndex = open
      // A second root element; or not a start tag this test reads (a processing instruction among them).
      if (!START_TAG.test(xml) || (names.length === 0 && rootSeen)) return false
      rootSeen = true
      at = START_TAG.lastIndex
      const empty = xml.charCodeAt(at - 2) === 0x2f /* / */
      const end = nameEnd(xml, open + 1)
      const name = xml.slice(open + 1, end)
      const attributes = end < at - (empty ? 2 : 1) ? xml.slice(end, at - (empty ? 2 : 1)) : ''
      const inner = attributes === '' || plainAttribute(attributes) ? scope : attributeScope(attributes, scope)
      if (inner === undefined || !bound(name, inner)) return false
      if (empty) continue
      names.push(name)
      scopes.push(scope)
      scope = inner
    }
  }
  return rootSeen && names.length === 0
}

/** Where the name that starts at `index` of a tag the patterns matched ends: at white space, `/` or `>`. */
function nameEnd(xml: string, index: number): number {
  for (;;) {
    const code = xml.charCodeAt(index)
    if (code === 0x3e || code === 0x2f || code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) return index
    index++
  }
}

/** Every character reference names a character XML allows (`BAD_REFERENCE` has already checked their digits). */
function characterReferencesAllowed(xml: string): boolean {
  for (const [, hex, digits] of xml.matchAll(CHARACTER_REFERENCE)) {
    const code = Number.parseInt(digits as string, hex ? 16 : 10)
    if (code > 0x10ffff || hasForbiddenXmlChars(String.fromCodePoint(code))) return false
  }
  return true
}

/**
 * The prefixes bound inside an element, given its attributes (as written)
 * and the prefixes bound around it; undefined when the test is not sure:
 * a binding XML forbids, an attribute's prefix that is not bound, or two
 * prefixed attributes with the same local name (two prefixes may name one
 * namespace). An attribute without a prefix is in no namespace, so `lang`
 * and `xml:lang` are two.
 */
function attributeScope(attributes: string, outer: Scope): Scope | undefined {
  let scope = outer
  /** Attribute names without a prefix (namespace declarations among them), and the local names of prefixed ones. */
  const plain = new Set<string>()
  const locals = new Set<string>()
  const prefixes: string[] = []
  for (const [, name, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const value = (double ?? single) as string
    const colon = (name as string).indexOf(':')
    const prefix = colon < 0 ? '' : (name as string).slice(0, colon)
    const local = colon < 0 ? (name as string) : (name as string).slice(colon + 1)
    if (name === 'xmlns' || prefix === 'xmlns') {
      if (value === XML_NAMESPACE || value === XMLNS_NAMESPACE) return undefined
      if (prefix === 'xmlns') {
        if (local === 'xml' || local === 'xmlns' || value === '') return undefined
        if (scope === outer) scope = new Set(outer)
        ;(scope as Set<string>).add(local)
      }
      if (plain.has(name as string)) return undefined
      plain.add(name as string)
      continue
    }
    const seen = prefix ? locals : plain
    if (seen.has(local)) return undefined
    seen.add(local)
    if (prefix) prefixes.push(prefix)
  }
  for (const prefix of prefixes) if (prefix !== 'xml' && !scope.has(prefix)) return undefined
  return scope
}

/** The attributes are one, without a prefix and not `xmlns` (most tags that have any: `class="…"`): nothing to check. */
function plainAttribute(attributes: string): boolean {
  const equals = attributes.indexOf('=')
  if (equals !== attributes.lastIndexOf('=')) return false
  const colon = attributes.indexOf(':')
  return (colon < 0 || colon > equals) && !attributes.slice(0, equals).includes('xmlns')
}

/** An element's name has no prefix, or one bound where it is. */
function bound(name: string, scope: Scope): boolean {
  const colon = name.indexOf(':')
  if (colon < 0) return true
  const prefix = name.slice(0, colon)
  return prefix !== 'xml' && prefix !== 'xmlns' && scope.has(prefix)
}
