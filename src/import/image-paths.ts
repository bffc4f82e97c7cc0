import { fromMarkdown } from 'mdast-util-from-markdown'
import { visit } from 'unist-util-visit'

/**
 * A reader's texts name their images `images/<name>`, from the manuscript's
 * root; the loader reads an image's path from the Markdown file that holds
 * it. Prefix each such destination with `up` (`../../` for a scene), found
 * by parsing the Markdown: images and the definitions reference-style images
 * point at, nothing that only looks like one.
 */
export function retargetImages(markdown: string, up: string): string {
  if (!up || !markdown.includes('images/')) return markdown
  const starts: number[] = []
  visit(fromMarkdown(markdown), (node) => {
    if ((node.type !== 'image' && node.type !== 'definition') || !node.url.startsWith('images/')) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // The destination follows the alt text or label, so it is the last `images/` of the node's source.
    const at = markdown.slice(start, end).lastIndexOf('images/')
    if (at >= 0) starts.push(start + at)
  })
  // In one pass: a text of many images costs its length once, not once per image.
  const pieces: string[] = []
  let last = 0
  for (const at of starts.sort((a, b) => a - b)) {
    pieces.push(markdown.slice(last, at), up)
    last = at
  }
  pieces.push(markdown.slice(last))
  return pieces.join('')
}
