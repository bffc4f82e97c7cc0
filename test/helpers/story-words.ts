import type { VFileMessage } from 'vfile-message'
import { words } from './epub.ts'

/**
 * The source's story words: the text less what the reader said it left out
 * (licence, contents, title-page lines: `import-removed`, with the lines
 * they span), the scene-break markers (`o0o` is letters), and a Markdown
 * file's front matter (it becomes book.yaml).
 */
export function storyWords(text: string, messages: readonly VFileMessage[]): string[] {
  const drop = new Set<number>()
  for (const message of messages) {
    if (message.ruleId !== 'import-removed' && message.ruleId !== 'import-scene-break') continue
    const start = message.place && 'start' in message.place ? message.place.start.line : (message.line ?? 0)
    const end = message.place && 'end' in message.place ? message.place.end.line : start
    for (let line = start; line <= end; line++) drop.add(line)
  }
  const front = /^---\n[\s\S]*?\n---\n/.exec(text)
  const frontLines = front ? front[0].split('\n').length - 1 : 0
  return text.split('\n').flatMap((line, index) => (drop.has(index + 1) || index < frontLines ? [] : words(line)))
}

/**
 * What is in `a` and not in `b`, counting repeats. Case aside: a heading set
 * in capitals (`PREFACE`) is the same word as its page's name.
 */
export function missing(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>()
  for (const word of b) left.set(word.toLowerCase(), (left.get(word.toLowerCase()) ?? 0) + 1)
  return a.filter((word) => {
    const n = left.get(word.toLowerCase()) ?? 0
    if (n === 0) return true
    left.set(word.toLowerCase(), n - 1)
    return false
  })
}
