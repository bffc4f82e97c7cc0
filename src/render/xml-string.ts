import type { Nodes, Root } from 'xast'

/**
 * xast → XML text, as xast-util-to-xml 4 writes it with
 * `closeEmptyElements` (and `tightClose` if asked: `<br/>`, not `<br />`; a
 * property test holds it to that library byte for byte), without its cost: the library builds a regular expression for
 * every attribute value it escapes (stringify-entities caches them by the
 * array it is given, and `value()` makes a new array at each call), which
 * took two thirds of the render stage's time for a book of 30,000 footnotes
 * (docs/decisions/0024-nesting-limits.md), and most of the Kobo target's.
 */
export function xmlString(tree: Root | Nodes, options: { tightClose?: boolean } = {}): string {
  return one(tree, options.tightClose ? '/>' : ' />')
}

/** Characters XML 1.0 forbids that the library drops from every value. */
const noncharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g
const textUnsafe = /[&<]/g
const attributeUnsafe = /[&<"]/g
const nameUnsafe = /[\t\n "&'/<=>]/g
const commentUnsafe = /-/g
const sectionEnd = /]]>/g
const instructionEnd = /\?>/g

/** stringify-entities' basic format: a hexadecimal reference in upper case. */
const reference = (character: string): string => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`
const clean = (value: unknown): string => {
  const text = String(value || '')
  return text.replace(noncharacter, '')
}
const escape = (value: unknown, unsafe: RegExp): string => clean(value).replace(unsafe, reference)
const name = (value: string): string => escape(value, nameUnsafe)
const quoted = (value: unknown): string => `"${escape(String(value), attributeUnsafe)}"`
const greaterThanIn = (value: unknown, end: RegExp): string => clean(value).replace(end, (found) => found.replaceAll('>', '&#x3E;'))

function one(node: Root | Nodes, close: string): string {
  switch (node.type) {
    case 'root':
      return all(node.children, close)
    case 'element': {
      const nodeName = name(node.name)
      const content = all(node.children ?? [], close)
      let attributes = ''
      const given = node.attributes ?? {}
      for (const key in given) {
        if (!Object.hasOwn(given, key)) continue
        const value = given[key]
        if (value !== null && value !== undefined) attributes += ` ${name(key)}=${quoted(value)}`
      }
      return content ? `<${nodeName}${attributes}>${content}</${nodeName}>` : `<${nodeName}${attributes}${close}`
    }
    case 'text':
    case 'raw' as Nodes['type']:
      return escape((node as { value: string }).value, textUnsafe)
    case 'comment':
      return `<!--${escape(node.value, commentUnsafe)}-->`
    case 'cdata':
      return `<![CDATA[${greaterThanIn(node.value, sectionEnd)}]]>`
    case 'instruction': {
      const result = greaterThanIn(node.value, instructionEnd)
      return `<?${name(node.name) || 'x'}${result ? ` ${result}` : ''}?>`
    }
    case 'doctype': {
      let result = '<!DOCTYPE'
      const nodeName = name(node.name)
      if (nodeName !== '') result += ` ${nodeName}`
      if (node.public) result += ` PUBLIC ${quoted(node.public)}`
      else if (node.system) result += ' SYSTEM'
      if (node.system) result += ` ${quoted(node.system)}`
      return `${result}>`
    }
    default:
      throw new Error(`Cannot compile unknown node \`${(node as { type: string }).type}\``)
  }
}

function all(children: ReadonlyArray<Nodes>, close: string): string {
  let out = ''
  for (const child of children) out += one(child, close)
  return out
}
