import type { Element, ElementContent, Nodes, Root, RootContent, Text } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import { checkLanguageTag } from '../load/language-tag.ts'
import { find, html } from 'property-information'
import type { VFile } from 'vfile'
import { codePointName, FORBIDDEN_XML_CHARS } from '../load/xml-chars.ts'
import { allowList, BLOCKS, LINK_PROTOCOLS, PHRASING, STRIPPED } from './html-schema.ts'

export interface SanitizeOptions {
  /** Where warnings go: each at the place of what was removed. */
  file?: VFile
  /**
   * The `src` values colophon wrote for checked, packaged images. An `img`
   * with any other `src` came from raw HTML and is removed. Without this set
   * (typesetting a fragment) `img` elements are kept as they are.
   */
  images?: ReadonlySet<string>
}

const allowedTags = new Set(allowList.tagNames ?? [])
const stripped = new Set(STRIPPED)
/** Elements whose content may only be phrasing: a block inside them is invalid XHTML. */
const phrasingOnly = new Set([...PHRASING, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'])
const blocks = new Set(BLOCKS)

/**
 * Make a hast tree safe and valid XHTML: report, at its source position, every
 * element, attribute and URL the allow-list (`html-schema.ts`) does not keep,
 * repair what HTML parsing allows but XHTML does not (a block inside a
 * phrase, loose content in a list, a bad `lang`), then let hast-util-sanitize
 * apply the allow-list. Returns a new tree.
 */
export function sanitizeTree(tree: Root, options: SanitizeOptions = {}): Root {
  const warn = (reason: string, node: Nodes, ruleId: string): void => {
    options.file?.message(reason, { place: node.position, ruleId, source: 'colophon-html' })
  }
  review(tree, [], warn, options)
  return sanitize(tree, allowList) as Root
}

type Warn = (reason: string, node: Nodes, ruleId: string) => void

function review(parent: Root | Element, ancestors: string[], warn: Warn, options: SanitizeOptions): void {
  const children: Array<RootContent | ElementContent> = []
  for (const child of parent.children) {
    if (child.type === 'text') {
      children.push(cleanText(child, warn))
    } else if (child.type === 'element') {
      // A loop, not push(...): an unwrapped element can have more children than the call stack has room for arguments.
      for (const node of reviewElement(child, ancestors, warn, options)) children.push(node)
    } else if (child.type === 'comment' || child.type === 'doctype') {
      continue
    } else {
      children.push(child)
    }
  }
  parent.children = parent.type === 'element' && (parent.tagName === 'ul' || parent.tagName === 'ol') ? wrapListContent(parent, children as ElementContent[], warn) : (children as Root['children'])
}

/** The element itself (checked), its children in its place (unwrapped), or nothing (removed). */
function reviewElement(element: Element, ancestors: string[], warn: Warn, options: SanitizeOptions): ElementContent[] {
  const name = element.tagName
  if (stripped.has(name)) {
    warn(`Unexpected \`<${name}>\` element, removed with its content; expected text and simple markup such as \`<em>\` or \`<span>\``, element, 'html-element')
    return []
  }
  if (name === 'img' && options.images && !options.images.has(String(element.properties.src ?? ''))) {
    const src = String(element.properties.src ?? '')
    warn(`Unexpected image \`${src.length > 60 ? `${src.slice(0, 57)}…` : src}\` that colophon did not check and package, removed; expected a Markdown image \`![alt text](path)\` of a file inside the manuscript, in a chapter or page`, element, 'html-img')
    return []
  }
  const inside = [...ancestors, name]
  review(element, inside, warn, options)
  if (!allowedTags.has(name)) {
    warn(`Unexpected \`<${name}>\` element, removed (its text is kept); expected one of ${[...allowedTags].join(', ')}`, element, 'html-element')
    return element.children
  }
  const parentName = ancestors[ancestors.length - 1]
  if (name === 'li' && parentName !== 'ul' && parentName !== 'ol') {
    warn('Unexpected `<li>` outside a list, removed (its text is kept); expected it inside `<ul>` or `<ol>`', element, 'html-nesting')
    return element.children
  }
  if (blocks.has(name) && ancestors.some((ancestor) => phrasingOnly.has(ancestor))) {
    const phrase = [...ancestors].reverse().find((ancestor) => phrasingOnly.has(ancestor))
    warn(`Unexpected \`<${name}>\` inside \`<${phrase}>\`, removed (its text is kept); expected block elements outside phrases and paragraphs`, element, 'html-nesting')
    return element.children
  }
  reviewAttributes(element, warn)
  return [element]
}

function reviewAttributes(element: Element, warn: Warn): void {
  const name = element.tagName
  const allowed = [...(allowList.attributes?.['*'] ?? []), ...(allowList.attributes?.[name] ?? [])]
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null) continue
    const attribute = find(html, property).attribute
    const rule = allowed.find((entry) => (typeof entry === 'string' ? entry : entry[0]) === property)
    const values = Array.isArray(value) ? value.map(String) : [String(value)]
    const remove = (reason: string): void => {
      warn(reason, element, 'html-attribute')
      delete element.properties[property]
    }
    if (!rule) {
      remove(`Unexpected attribute \`${attribute}\` on \`<${name}>\`, removed; expected only lang, xml:lang, class, title or dir${name === 'a' ? ', href' : ''}`)
    } else if (typeof rule !== 'string' && !values.every((item) => rule.slice(1).some((ok) => (ok instanceof RegExp ? ok.test(item) : String(ok) === item)))) {
      remove(`Unexpected value \`${values.join(' ')}\` of \`${attribute}\` on \`<${name}>\`, removed; expected ${rule.slice(1).join(' or ')}`)
    } else if ((property === 'lang' || property === 'xmlLang') && !checkLanguageTag(values[0] ?? '').res) {
      remove(`Unexpected \`${attribute}="${values[0]}"\`, removed; expected a BCP 47 language tag such as en or fr-CA`)
    } else if (property === 'href' && !isSafeLink(values[0] ?? '')) {
      remove(`Unexpected link \`${values[0]}\`, removed (its text is kept); expected an absolute ${LINK_PROTOCOLS.join(', ')} URL`)
    } else if (property === 'start' && !/^-?\d+$/.test(values[0] ?? '')) {
      remove(`Unexpected \`start="${values[0]}"\` on \`<ol>\`, removed; expected a whole number`)
    } else if (values.some((item) => new RegExp(FORBIDDEN_XML_CHARS.source).test(item))) {
      remove(`Unexpected character that XML does not allow in \`${attribute}\`, attribute removed`)
    }
  }
  const { lang, xmlLang } = element.properties
  if (lang !== undefined && xmlLang !== undefined && String(lang) !== String(xmlLang)) {
    warn(`Unexpected \`xml:lang="${String(xmlLang)}"\` that differs from \`lang="${String(lang)}"\`, removed; expected the same tag in both`, element, 'html-attribute')
    delete element.properties.xmlLang
  }
}

/** An absolute URL with an allowed scheme, that a reading system can follow. */
function isSafeLink(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]
  return scheme !== undefined && LINK_PROTOCOLS.includes(scheme) && URL.canParse(url)
}

function cleanText(node: Text, warn: Warn): Text {
  const match = new RegExp(FORBIDDEN_XML_CHARS.source).exec(node.value)
  if (!match) return node
  warn(`Unexpected character ${codePointName(match[0])}, which XML does not allow; removed`, node, 'forbidden-character')
  return { ...node, value: node.value.replace(FORBIDDEN_XML_CHARS, '') }
}

/** A list holds only items: put loose content (text, a paragraph) into an item of its own. */
function wrapListContent(list: Element, children: ElementContent[], warn: Warn): ElementContent[] {
  const result: ElementContent[] = []
  let loose: ElementContent[] = []
  const flush = (): void => {
    if (loose.some((node) => node.type !== 'text' || node.value.trim() !== '')) {
      const first = loose.find((node) => node.type !== 'text' || node.value.trim() !== '') ?? list
      warn(`Unexpected content directly in \`<${list.tagName}>\`, put in a list item; expected \`<li>\``, first, 'html-nesting')
      result.push({ type: 'element', tagName: 'li', properties: {}, children: loose })
    } else {
      for (const node of loose) result.push(node)
    }
    loose = []
  }
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'li') {
      flush()
      result.push(child)
    } else {
      loose.push(child)
    }
  }
  flush()
  return result
}
