import type { Element, ElementContent, Nodes, Parents, Root } from 'hast'
import { hastToMarkdown } from '../html-to-markdown.ts'
import { selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'

/** Report one guess the reader made, at the element it read it from. */
export function report(file: VFile, reason: string, node: Nodes | undefined, ruleId: string): void {
  file.info(reason, { ruleId, source: 'colophon-import', place: node?.position })
}

/** An element's text as it reads on the page: white space collapsed, trimmed. */
export function textOf(node: Nodes | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const walk = (child: Nodes): void => {
    if (child.type === 'text') parts.push(child.value)
    else if (child.type === 'element' && child.tagName === 'br') parts.push(' ')
    else if ('children' in child) for (const grandchild of child.children) walk(grandchild)
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** Texts of each element matched, in order, empty ones left out. */
export function textsOf(selector: string, scope: Nodes | undefined): string[] {
  if (!scope) return []
  return selectAll(selector, scope).map(textOf).filter((text) => text !== '')
}

/** Remove every element `selector` matches under `scope` (site chrome, landmarks). */
export function removeAll(selector: string, scope: Root | Element): void {
  const doomed = new Set<Nodes>(selectAll(selector, scope))
  if (doomed.size === 0) return
  const prune = (parent: Parents): void => {
    parent.children = parent.children.filter((child) => !doomed.has(child)) as ElementContent[]
    for (const child of parent.children) if ('children' in child) prune(child)
  }
  prune(scope)
}

/** A `YYYY-MM-DD` at the start of a text (AO3's dates), if there is one. */
export function isoDate(text: string): string | undefined {
  const date = text.trim().slice(0, 10)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined
}

/** `12,345` or `12 345` → 12345; undefined when it is not a count. */
export function count(text: string): number | undefined {
  const digits = text.replace(/[\s,.\u00a0\u202f]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : undefined
}

/** An absolute http(s) URL as `source` accepts it (protocol-relative ones made https). */
export function httpUrl(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.trim() === '') return undefined
  const value = href.trim().startsWith('//') ? `https:${href.trim()}` : href.trim()
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** A note or summary (AO3's `blockquote.userstuff`) as Markdown: its content, not the quotation the site sets it in. */
export function contentMarkdown(element: Element): string {
  return hastToMarkdown({ type: 'root', children: element.children } as Root)
}
