import type { Element, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { isDisclaimer, isNoteStart } from '../notes.ts'
import { report, textOf } from './page.ts'
import { blocksOf } from './scenes.ts'

/** What a chapter's text holds besides the story, on sites with no place for it (FanFiction.net, plain pages). */
export interface TextNotes {
  disclaimer?: Element
  head?: Element
  end?: Element
  /** The text without them. */
  body: RootContent[]
}


/**
 * Authors on sites without note fields write them into the chapter: a
 * `Disclaimer:` paragraph and an `A/N`, `AN:`, `Author's Note:` or
 * `Note:` paragraph at its start, another note at its end. Each is taken
 * out of the text (whole, as written) and reported; the reader puts them
 * where colophon's layout keeps them. What opens a note is the shared
 * rule (`../notes.ts`). A disclaimer is taken only when
 * asked (the first chapter's: later ones stay in their text).
 */
export function takeNotes(nodes: readonly RootContent[], file: VFile, where: string, options: { disclaimer: boolean }): TextNotes {
  const body = blocksOf(nodes)
  const notes: TextNotes = { body }
  const paragraphs = (): Array<{ index: number; element: Element }> =>
    body.flatMap((node, index) => (node.type === 'element' && textOf(node) !== '' ? [{ index, element: node }] : []))
  for (let round = 0; round < 2; round++) {
    const first = paragraphs()[0]
    if (!first || first.element.tagName !== 'p' && first.element.tagName !== 'div') break
    const text = textOf(first.element)
    if (options.disclaimer && !notes.disclaimer && isDisclaimer(text)) {
      notes.disclaimer = first.element
      report(file, `disclaimer at the start of ${where} → front page \`disclaimer\``, first.element, 'import-disclaimer')
    } else if (!notes.head && isNoteStart(text)) {
      notes.head = first.element
      report(file, `author's note at the start of ${where} → head note`, first.element, 'import-note')
    } else break
    body.splice(first.index, 1)
  }
  const all = paragraphs()
  const last = all[all.length - 1]
  if (last && all.length > 1 && isNoteStart(textOf(last.element))) {
    notes.end = last.element
    report(file, `author's note at the end of ${where} → end note`, last.element, 'import-note')
    body.splice(last.index, 1)
  }
  return notes
}
