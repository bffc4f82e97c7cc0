import { HARD_BREAK, OPAQUE } from '../../chars.ts'
import type { LanguageProfile, Pair } from '../../languages/profile.ts'
import type { Rule } from '../../rule.ts'
import { hasStraightPartner, wordAfter } from '../quote-partner.ts'

type Side = 'open' | 'close' | 'word' | 'digit'

const LETTER = /[\p{L}\p{M}]/u
const DIGIT = /\p{N}/u
const SPACE = /\s/
/** Chinese and Japanese text: no spaces and no apostrophes, so a mark beside it opens when none of its kind is open. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u
const OPENERS = new Set(['(', '[', '{', HARD_BREAK, '—', '–', '-', '¿', '¡'])
/** After these a double quote closes even when a word follows. */
const CLOSE_AFTER = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '…'])

/** What a neighbour of a mark says about it: a space or an opener before a mark opens it, a word may do either. */
function sideOf(character: string | undefined): Side {
  if (character === undefined || SPACE.test(character) || OPENERS.has(character)) return 'open'
  if (character === OPAQUE || LETTER.test(character)) return 'word'
  if (DIGIT.test(character)) return 'digit'
  return 'close'
}

const wordLike = (side: Side): boolean => side === 'word' || side === 'digit'

/** One quotation open: the mark that will close it. A mark typed already counts as the kind it looks like. */
interface Open {
  kind: 'double' | 'single'
  close: string
}

/** Opening marks of the single kind, when a writer typed them already. */
const SINGLE_OPENERS = new Set(['‚', '‘', '‹', '’', '『'])

/**
 * Quotes for every language but English (which keeps the Standard Ebooks
 * scan in `rules/quotes.ts`): each straight mark is decided open or closed
 * from its neighbours and the quotations open, then given the language's
 * marks: a `"` inside a quotation takes the secondary pair, a `'` quote the
 * single pair. A `'` inside a word, after one with no quotation open, or
 * with no partner later in the block is an apostrophe, always U+2019
 * (`m'a`, `geht's`, `Hans'`, `po'`), whatever the language's closing mark.
 */
interface Tables {
  /** Each typed opening mark, and the mark that closes it. */
  closers: Map<string, string>
  closing: Set<string>
  elisions: Set<string>
  /** Every character the scan acts on: the straight marks and the language's typed ones. */
  marks: RegExp
}

/** Built once per language, not per paragraph. */
const tables = new WeakMap<LanguageProfile, Tables>()

function tablesOf(profile: LanguageProfile): Tables {
  let found = tables.get(profile)
  if (!found) {
    const closers = new Map<string, string>()
    for (const pair of profile.typed) closers.set(pair[0]!, pair[1]!)
    const closing = new Set(profile.typed.map((pair) => pair[1]!))
    const characters = new Set(['"', "'", ...closers.keys(), ...closing])
    const escaped = [...characters].map((character) => character.replace(/[\\\]^-]/g, '\\$&')).join('')
    found = { closers, closing, elisions: new Set(profile.elisions ?? []), marks: new RegExp(`[${escaped}]`, 'g') }
    tables.set(profile, found)
  }
  return found
}

export const localQuotes: Rule = {
  name: 'local-quotes',
  trigger: `"'`,
  apply(input, options) {
    const { text } = input
    const { profile, carry } = options
    const { primary, secondary } = profile.quotes
    const single: Pair = profile.quotes.single ?? secondary
    const { closers, closing, elisions, marks } = tablesOf(profile)
    const stack: Open[] = []
    // A quotation left open by the paragraph before: this one's first mark repeats (or continues) it.
    const continues = carry.quoteOpen
    const parts: string[] = []
    let from = 0
    let last = ''
    const put = (index: number, mark: string): void => {
      parts.push(text.slice(from, index), mark)
      from = index + 1
      last = mark
    }
    // Only quote marks matter to the scan: the pattern jumps from one to the next at native speed.
    marks.lastIndex = 0
    for (let found = marks.exec(text); found !== null; found = marks.exec(text)) {
      const index = found.index
      const character = text[index]!
      if (character !== '"' && character !== "'") {
        // A mark typed already: count it, keep it. A closing mark that also opens (” ” in Swedish) closes when one is open.
        const open = stack.findLastIndex((entry) => entry.close === character)
        if (closing.has(character) && open !== -1 && !(character === '’' && LETTER.test(text[index + 1] ?? ''))) stack.length = open
        else if (closers.has(character) && !(character === '’')) stack.push({ kind: SINGLE_OPENERS.has(character) ? 'single' : 'double', close: closers.get(character)! })
        continue
      }
      const before = sideOf(from === index && last ? last : text[index - 1])
      const after = sideOf(text[index + 1])
      const cjk = profile.cjk !== undefined && (CJK.test(text[index - 1] ?? '') || CJK.test(text[index + 1] ?? ''))
      if (character === '"') {
        let open: boolean
        if (cjk) open = !stack.some((entry) => entry.kind === 'double')
        else if (before === 'open') open = after === 'open' ? !stack.some((entry) => entry.kind === 'double') : true
        else if (after === 'open' || CLOSE_AFTER.has(text[index + 1]!) || after === 'close') open = false
        else open = !stack.some((entry) => entry.kind === 'double')
        if (open) {
          const pair = stack.length > 0 ? secondary : primary
          stack.push({ kind: 'double', close: pair[1] })
          put(index, index === 0 && continues && profile.continuation ? profile.continuation : pair[0])
        } else {
          const at = stack.findLastIndex((entry) => entry.kind === 'double')
          const close = at === -1 ? primary[1] : stack[at]!.close
          if (at !== -1) stack.length = at
          put(index, close)
        }
        continue
      }
      // A single mark.
      const singleOpen = stack.findLastIndex((entry) => entry.kind === 'single')
      let mark: string
      if (cjk && singleOpen === -1) {
        stack.push({ kind: 'single', close: single[1] })
        mark = single[0]
      } else if (cjk) {
        mark = stack[singleOpen]!.close
        stack.length = singleOpen
      } else if (wordLike(before) && wordLike(after)) mark = '’'
      else if (before !== 'open') {
        mark = singleOpen === -1 ? '’' : stack[singleOpen]!.close
        if (singleOpen !== -1) stack.length = singleOpen
      } else if (after === 'open') {
        mark = singleOpen === -1 ? '’' : stack[singleOpen]!.close
        if (singleOpen !== -1) stack.length = singleOpen
      } else if (elisions.has(wordAfter(text, index)) || (after === 'digit' && /^\d\d(?!\d)/.test(text.slice(index + 1, index + 4))) || (index > 0 && !/[,:]\s*$/.test(text.slice(Math.max(0, index - 3), index)) && !hasStraightPartner(text, index))) {
        mark = '’'
      } else {
        stack.push({ kind: 'single', close: single[1] })
        mark = single[0]
      }
      put(index, mark)
    }
    carry.quoteOpen = stack.some((entry) => entry.kind === 'double' && entry.close === primary[1])
    if (parts.length === 0) return input
    parts.push(text.slice(from))
    return { text: parts.join(''), marks: input.marks }
  },
}
