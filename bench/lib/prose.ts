/**
 * Seeded prose with the typography a real manuscript throws at a build:
 * straight double quotes with nested single quotes, straight apostrophes,
 * spaced hyphens as dashes (and a paragraph-final ` -`), `...`, `*emphasis*`,
 * `Mr. `/`Dr. ` abbreviations, number ranges and `. o .` scene breaks.
 */
import type { Random } from './prng.ts'
import {
  adjectives, adverbs, contractedOpenings, firstNames, honorifics, intransitiveVerbs,
  nouns, prepositions, pronounContractions, sentenceOpeners, speechVerbs, surnames, transitiveVerbs
} from './vocabulary.ts'

export const sceneBreak = '. o .'

/**
 * Words as a reader counts them: whitespace-separated tokens holding a letter
 * or digit (so ` - ` and `...` are not words), scene-break lines excluded.
 */
export function countWords(text: string): number {
  let count = 0
  for (const line of text.split('\n')) {
    if (line.trim() === sceneBreak) continue
    for (const token of line.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++
  }
  return count
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

function nounPhrase(random: Random): string {
  const noun = random.pick(nouns)
  switch (random.int(0, 6)) {
    case 0: return `the ${noun}`
    case 1: return `the ${random.pick(adjectives)} ${noun}`
    case 2: return article(`${random.pick(adjectives)} ${noun}`)
    case 3: return `${random.pick(firstNames)}'s ${noun}`
    case 4: return `${random.pick(['his', 'her', 'their'])} ${noun}`
    case 5: return `the ${random.pick(nouns)}'s ${noun}`
    default: return `the ${random.pick(adjectives)}, ${random.pick(adjectives)} ${noun}`
  }
}

function subject(random: Random): string {
  const roll = random.int(0, 9)
  if (roll < 3) return random.pick(firstNames)
  if (roll === 3) return `${random.pick(honorifics)} ${random.pick(surnames)}`
  if (roll < 7) return random.pick(['he', 'she', 'they'])
  return nounPhrase(random)
}

/** Subject, verb and what follows: every token is a word, so it can be cut anywhere. */
function clause(random: Random): string {
  const [, transitive] = random.pick(transitiveVerbs)
  const [, intransitive] = random.pick(intransitiveVerbs)
  switch (random.int(0, 3)) {
    case 0: return `${subject(random)} ${transitive} ${nounPhrase(random)}`
    case 1: return `${subject(random)} ${intransitive} ${random.pick(adverbs)}`
    case 2: return `${subject(random)} ${transitive} ${nounPhrase(random)} ${random.pick(prepositions)} ${nounPhrase(random)}`
    default: return `${subject(random)} ${intransitive} ${random.pick(prepositions)} ${nounPhrase(random)}`
  }
}

function numberRange(random: Random): string {
  if (random.chance(0.5)) {
    const from = random.int(1790, 1960)
    return `in the years ${from}-${from + random.int(1, 9)}`
  }
  const from = random.int(3, 300)
  return `on pages ${from}-${from + random.int(2, 40)}`
}

/** Wrap one plain word (or two) of `text` in `*…*`. */
function emphasise(random: Random, text: string): string {
  const tokens = text.split(' ')
  const plain = tokens.flatMap((token, index) => (/^[A-Za-z]+$/.test(token) ? [index] : []))
  if (plain.length === 0) return text
  const at = random.pick(plain)
  const next = tokens[at + 1]
  const span = next !== undefined && /^[A-Za-z]+$/.test(next) && random.chance(0.3) ? 2 : 1
  tokens[at] = `*${tokens[at]}`
  tokens[at + span - 1] = `${tokens[at + span - 1]}*`
  return tokens.join(' ')
}

function narrativeSentence(random: Random): string {
  let body = clause(random)
  const roll = random.next()
  if (roll < 0.18) body = `${random.pick(sentenceOpeners)}, ${body}`
  else if (roll < 0.36) body = `${body}, and ${clause(random)}`
  else if (roll < 0.48) body = `${body} - ${nounPhrase(random)} ${random.pick(prepositions)} ${nounPhrase(random)} - ${clause(random)}`
  else if (roll < 0.53) body = `${body} ${numberRange(random)}`
  else if (roll < 0.6) body = `${body}, ${random.pick(adverbs)}`
  body = capitalise(body)
  if (random.chance(0.08)) body = emphasise(random, body)
  return body + (random.chance(0.05) ? '...' : '.')
}

/** A line of speech, without its closing punctuation. */
function speech(random: Random): string {
  const [verb] = random.pick(transitiveVerbs)
  switch (random.int(0, 6)) {
    case 0: return `you ${random.pick(contractedOpenings)} ${verb} ${nounPhrase(random)}`
    case 1: return `${random.pick(pronounContractions)} ${nounPhrase(random)} ${random.pick(prepositions)} ${nounPhrase(random)}`
    // Punctuation goes inside the closing quote (as colophon's lint asks), so the quote ends mid-sentence.
    case 2: return `${random.pick(firstNames)} told me, '${capitalise(verb)} ${nounPhrase(random)} before ${random.pick(['dark', 'noon', 'the war', 'the tide turns'])},' and I did`
    case 3: return `they call it 'the ${random.pick(adjectives)} ${random.pick(nouns)}' around here`
    case 4: return `well... ${clause(random)}`
    case 5: return `we ${random.pick(contractedOpenings)} ${verb} it - not ${random.pick(['now', 'yet', 'here', 'tonight'])}`
    default: return clause(random)
  }
}

function speaker(random: Random): string {
  return random.chance(0.6) ? random.pick(['he', 'she']) : random.pick(firstNames)
}

function dialogueParagraph(random: Random): string {
  const first = capitalise(speech(random))
  const said = random.pick(speechVerbs)
  switch (random.int(0, 4)) {
    case 0: return `"${first}," ${speaker(random)} ${said}.`
    case 1: return `"${first}," ${speaker(random)} ${said}. "${capitalise(speech(random))}${random.chance(0.15) ? ' -' : '.'}"`
    case 2: return `"${first}?" ${speaker(random)} ${said} ${random.pick(adverbs)}.`
    case 3: return `${narrativeSentence(random)} "${first}."`
    default: return `"${first} -"`
  }
}

function narrativeParagraph(random: Random): string {
  const count = random.int(1, 6)
  const sentences = Array.from({ length: count }, () => narrativeSentence(random))
  // A thought broken off mid-sentence: the paragraph ends on a spaced hyphen.
  if (random.chance(0.04)) sentences[count - 1] = `${capitalise(clause(random))} -`
  return sentences.join(' ')
}

/** A plain paragraph of exactly `words` words, to land totals on the target. */
/** What a language's generated prose is made of: its two kinds of paragraph, and the plain clauses an exact-length paragraph is cut from. */
export interface Vocabulary {
  dialogueParagraph(random: Random): string
  narrativeParagraph(random: Random): string
  clause(random: Random): string
}

/** English prose (the default). */
export const english: Vocabulary = { dialogueParagraph, narrativeParagraph, clause }

function exactParagraph(random: Random, words: number, vocabulary: Vocabulary): string {
  const tokens: string[] = []
  while (tokens.length < words) tokens.push(...`${capitalise(vocabulary.clause(random))}.`.split(' '))
  return `${tokens.slice(0, words).join(' ').replace(/[,.]$/, '')}.`
}

export interface ProseOptions {
  /** Put one `. o .` scene break near the middle. */
  sceneBreak?: boolean
  /** Share of paragraphs that are dialogue. */
  dialogue?: number
  /** The language's words and sentences: English when absent (`french` in prose-fr.ts). */
  vocabulary?: Vocabulary
}

/** Paragraphs totalling exactly `words` words (as `countWords` counts). */
export function prose(random: Random, words: number, options: ProseOptions = {}): string {
  const vocabulary = options.vocabulary ?? english
  const paragraphs: string[] = []
  let left = words
  let breakPending = options.sceneBreak ?? false
  while (left > 0) {
    let paragraph = random.chance(options.dialogue ?? 0.35) ? vocabulary.dialogueParagraph(random) : vocabulary.narrativeParagraph(random)
    let count = countWords(paragraph)
    if (count > left) {
      paragraph = exactParagraph(random, left, vocabulary)
      count = left
    }
    paragraphs.push(paragraph)
    left -= count
    if (breakPending && left > 0 && left <= words / 2) {
      paragraphs.push(sceneBreak)
      breakPending = false
    }
  }
  return `${paragraphs.join('\n\n')}\n`
}

/** A short title such as `The Crooked Lantern` or `Hazel's Ledger`. */
export function titleWords(random: Random): string {
  const noun = capitalise(random.pick(nouns))
  switch (random.int(0, 3)) {
    case 0: return `The ${capitalise(random.pick(adjectives))} ${noun}`
    case 1: return `${noun} and ${capitalise(random.pick(nouns))}`
    case 2: return `The ${noun} of ${random.pick(firstNames)}`
    default: return `${random.pick(firstNames)}'s ${noun}`
  }
}

/** `Hazel's Ledger` → `hazels-ledger`. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
