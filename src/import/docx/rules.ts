import type { Nodes as XastNodes } from 'xast'
import { attribute, localName, textOf } from '../package/xml.ts'

/**
 * Which paragraphs of `word/document.xml` are drawn horizontal rules, by
 * their number in document order (the order mammoth meets them in, see
 * `convert.ts`). mammoth drops the VML `v:rect o:hr="t"` that pandoc and
 * Word write for a rule, which is how a scene break `* * *` arrives in a
 * DOCX made by pandoc; an empty paragraph with its own border (Word's
 * three-dash autoformat) is one too. Alternative content is counted the way
 * mammoth reads it: the fallback, not the choice.
 */
export interface ParagraphScan {
  count: number
  rules: Set<number>
}

export function scanParagraphs(root: XastNodes): ParagraphScan {
  const rules = new Set<number>()
  let count = 0
  const walk = (node: XastNodes): void => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const name = node.name
      if (name === 'mc:Choice') return
      if (name === 'w:p') {
        count++
        if (isRule(node)) rules.add(count)
      }
    }
    for (const child of node.children) walk(child)
  }
  walk(root)
  return { count, rules }
}

function isRule(paragraph: XastNodes): boolean {
  let rule = false
  let border = false
  const walk = (node: XastNodes): void => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      if (localName(node) === 'rect' && attribute(node, 'hr') === 't') rule = true
      if (node.name === 'w:pBdr' && node.children.some((child) => child.type === 'element' && /^w:(bottom|top)$/.test(child.name))) border = true
    }
    for (const child of node.children) walk(child)
  }
  walk(paragraph)
  return rule || (border && textOf(paragraph) === '')
}
