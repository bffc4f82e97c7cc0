import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Nodes, Root } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { xmlString } from '../src/render/xml-string.ts'
import { runs } from './helpers/runs.ts'

/**
 * The render stage's XML writer is xast-util-to-xml's output (with
 * `closeEmptyElements`) made faster: the same bytes for any tree, so books
 * built before and after are identical.
 */
const awkward = fc.constantFrom('&', '<', '>', '"', "'", '-', ']]>', '?>', '\u0000', '\u0007', '\u000B', '\u001F', '\t', '\n', '\r', ' ', '=', '/', 'é', '😀', '\uD800', 'a', 'note')
const text = fc.array(fc.oneof(awkward, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''))
const attributeValue = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined))

const { node } = fc.letrec<{ node: Nodes; leaf: Nodes; element: Nodes }>((tie) => ({
  leaf: fc.oneof(
    text.map((value): Nodes => ({ type: 'text', value })),
    text.map((value): Nodes => ({ type: 'comment', value })),
    text.map((value): Nodes => ({ type: 'cdata', value })),
    fc.record({ name: text, value: text }).map(({ name, value }): Nodes => ({ type: 'instruction', name, value })),
    fc.record({ name: text, public: fc.option(text, { nil: undefined }), system: fc.option(text, { nil: undefined }) }).map((fields): Nodes => ({ type: 'doctype', ...fields })),
  ),
  element: fc
    .record({
      name: fc.oneof(fc.constantFrom('p', 'aside', 'svg:rect', 'a'), text),
      attributes: fc.dictionary(fc.oneof(fc.constantFrom('id', 'class', 'epub:type', 'aria-label'), text), attributeValue, { maxKeys: 4 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
    })
    .map(({ name, attributes, children }): Nodes => ({ type: 'element', name, attributes: attributes as Record<string, string>, children: children as never })),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('element')),
}))

describe('xmlString', () => {
  it('writes what xast-util-to-xml writes with closeEmptyElements, and tightClose, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (children) => {
        const root: Root = { type: 'root', children: children as Root['children'] }
        expect(xmlString(root)).toBe(toXml(root, { closeEmptyElements: true }))
        expect(xmlString(root, { tightClose: true })).toBe(toXml(root, { closeEmptyElements: true, tightClose: true }))
      }),
      { numRuns: runs(3000) },
    )
  })

  it('escapes text, attribute values and names as hexadecimal references', () => {
    const root: Root = {
      type: 'root',
      children: [{ type: 'element', name: 'p', attributes: { title: 'a "b" & <c>' }, children: [{ type: 'text', value: 'Fish & <chips>\u0007' }] }, { type: 'element', name: 'br', attributes: {}, children: [] }],
    }
    expect(xmlString(root)).toBe('<p title="a &#x22;b&#x22; &#x26; &#x3C;c>">Fish &#x26; &#x3C;chips></p><br />')
  })
})
